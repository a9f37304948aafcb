import { describe, expect, it } from 'vitest';
import { ShippingAddressSchema } from '../../orders/domain/order-fields.ts';
import { parseWith, sameValue } from './field-text.ts';

describe('parseWith', () => {
  it('gives the value a schema parses to, or its errors under the given path', () => {
    const address = { name: 'Ada', line1: '1 Main St', city: 'X', postalCode: '1', country: 'DE' };
    expect(parseWith(ShippingAddressSchema, address, 'a')).toEqual({ ok: true, value: { ...address, line2: null, region: null } });
    expect(parseWith(ShippingAddressSchema, { ...address, postalCode: ' ', zip: '1' }, 'changes[0].newValue')).toEqual({
      ok: false,
      errors: [
        { path: 'changes[0].newValue.postalCode', message: 'is required' },
        { path: 'changes[0].newValue.zip', message: 'is not a known field' },
      ],
    });
    expect(parseWith(ShippingAddressSchema, 'x', 'a')).toEqual({ ok: false, errors: [{ path: 'a', message: expect.stringMatching(/^must be an object/) }] });
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
