import { describe, expect, it } from 'vitest';
import { canonicalInstant, COUNTRY_CODES, isCountryCode, isEmail, isPhone } from './field-checks.ts';

describe('countries, e-mail, phone', () => {
  it('knows the 249 assigned ISO 3166-1 alpha-2 codes, each a region Intl can name', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const c of COUNTRY_CODES) expect(names.of(c), c).not.toBe(c);
  });
  it('refuses reserved, lower-case and unknown codes', () => {
    for (const c of ['US', 'DE', 'GB']) expect(isCountryCode(c)).toBe(true);
    for (const c of ['UK', 'EU', 'us', 'XX', 'USA', '', 1]) expect(isCountryCode(c)).toBe(false);
  });
  it('checks e-mail and phone shapes', () => {
    expect(isEmail('a@b.co')).toBe(true);
    expect(isEmail('a@b')).toBe(false);
    expect(isEmail('a b@c.de')).toBe(false);
    expect(isPhone('+1 555 0199')).toBe(true);
    expect(isPhone('(030) 123-45.6/7')).toBe(true);
    expect(isPhone('call me')).toBe(false);
    expect(isPhone('+1')).toBe(false);
  });
});

describe('canonicalInstant', () => {
  it('turns instants with a zone into UTC ISO text', () => {
    expect(canonicalInstant('2030-05-01T10:00:00+02:00')).toBe('2030-05-01T08:00:00.000Z');
    expect(canonicalInstant('2030-05-01T08:00Z')).toBe('2030-05-01T08:00:00.000Z');
    expect(canonicalInstant('2030-05-01T08:00:00.123Z')).toBe('2030-05-01T08:00:00.123Z');
  });
  it('refuses local times, dates alone, impossible days and hours', () => {
    for (const s of ['2030-05-01T08:00:00', '2030-05-01', '2030-02-30T00:00:00Z', '2030-13-01T00:00:00Z', '2030-05-01T24:00:00Z', 'soon', 5]) {
      expect(canonicalInstant(s), String(s)).toBeNull();
    }
    expect(canonicalInstant('2028-02-29T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });
});
