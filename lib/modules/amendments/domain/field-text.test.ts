import { describe, expect, it } from 'vitest';
import { canonicalInstant, COUNTRY_CODES, isCountryCode, isEmail, isPhone, parseText, sameValue } from './field-text.ts';

describe('parseText', () => {
  const rule = { max: 5, required: true };
  it('trims and bounds text', () => {
    expect(parseText('  abc ', 'p', rule)).toEqual({ ok: true, value: 'abc' });
    expect(parseText('abcdef', 'p', rule)).toEqual({ ok: false, errors: [{ path: 'p', message: 'must be at most 5 characters' }] });
  });
  it('requires a value when required, maps blank to null when optional', () => {
    expect(parseText('  ', 'p', rule).ok).toBe(false);
    expect(parseText(null, 'p', rule).ok).toBe(false);
    expect(parseText('  ', 'p', { max: 5, required: false })).toEqual({ ok: true, value: null });
    expect(parseText(undefined, 'p', { max: 5, required: false })).toEqual({ ok: true, value: null });
  });
  it('refuses non-strings, NUL and line breaks in single-line text', () => {
    expect(parseText(5, 'p', rule)).toEqual({ ok: false, errors: [{ path: 'p', message: 'must be a string' }] });
    expect(parseText('a\u0000b', 'p', rule).ok).toBe(false);
    expect(parseText('a\nb', 'p', rule).ok).toBe(false);
    expect(parseText('a\nb', 'p', { max: 5, required: true, multiline: true })).toEqual({ ok: true, value: 'a\nb' });
    expect(parseText('a\u0000b', 'p', { max: 5, required: true, multiline: true }).ok).toBe(false);
  });
});

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

describe('sameValue', () => {
  it('compares JSON-like values deeply, whatever the key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(5, '5')).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
