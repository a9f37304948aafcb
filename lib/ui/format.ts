// Display formatting shared by pages. Dates use one fixed, named time zone (UTC) so server-rendered
// and client-rendered timestamps agree (no hydration mismatch) and nobody has to guess the clock.

const DATE_TIME = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

const DATE_ONLY = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isNaN(d.getTime()) ? String(iso) : DATE_TIME.format(d);
}

export function formatDate(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isNaN(d.getTime()) ? String(iso) : DATE_ONLY.format(d);
}

/** "PARTIALLY_SHIPPED" → "Partially shipped", "GIFT_CARD" → "Gift card". */
export function humanizeEnum(value: string): string {
  const words = value.toLowerCase().split(/[_\s]+/).filter(Boolean);
  if (!words.length) return value;
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 item", "5 items". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const WEEKDAY_DATE = new Intl.DateTimeFormat("en-US", { weekday: "short", year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** A delivery window, read at a glance: "Fri, May 3, 2030, 09:00–12:00 UTC", or both ends in full when it spans days. */
export function formatDeliveryWindow(window: { from: string; to: string }): string {
  const from = new Date(window.from);
  const to = new Date(window.to);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${window.from} – ${window.to}`;
  if (WEEKDAY_DATE.format(from) === WEEKDAY_DATE.format(to)) return `${WEEKDAY_DATE.format(from)}, ${TIME.format(from)}–${TIME.format(to)} UTC`;
  return `${WEEKDAY_DATE.format(from)}, ${TIME.format(from)} UTC – ${WEEKDAY_DATE.format(to)}, ${TIME.format(to)} UTC`;
}

const REGION_NAMES = new Intl.DisplayNames(["en"], { type: "region" });

/** "US" → "United States"; an unknown code as given. */
export function countryName(code: string): string {
  try {
    return REGION_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}
