// Shape checks for what an order carries (SPEC §6): e-mail, phone, ISO 3166-1 alpha-2 country,
// ISO 8601 instants. The order field schemas (order-fields.ts) are built on them.

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits with the usual separators, an optional leading +, and at least three digits.
export const PHONE_PATTERN = /^\+?(?=(?:\D*\d){3})[0-9 ()./-]{3,31}$/;

export function isEmail(s: string): boolean {
  return s.length <= 254 && EMAIL_PATTERN.test(s);
}

export function isPhone(s: string): boolean {
  return PHONE_PATTERN.test(s);
}

// ISO 3166-1 alpha-2, officially assigned codes (249). A fixed list rather than Intl, which
// also names reserved codes such as EU and UK.
const COUNTRY_LIST =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
  'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';
export const COUNTRY_CODES: readonly string[] = Object.freeze(COUNTRY_LIST.split(' '));
const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);

export function isCountryCode(s: unknown): s is string {
  return typeof s === 'string' && COUNTRY_SET.has(s);
}

// Date and time with seconds optional, fraction optional, and a zone (Z or ±hh:mm) required:
// an instant, never a local time that means different things in different places.
export const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant as canonical UTC ISO text (`2025-05-01T08:00:00.000Z`), or null when not a real instant. */
export function canonicalInstant(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = INSTANT_PATTERN.exec(raw);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const month = Number(mo);
  const day = Number(d);
  // Date would roll 2025-02-30 over into March; refuse days the month does not have.
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
