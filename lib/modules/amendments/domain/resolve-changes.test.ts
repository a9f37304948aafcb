import { describe, expect, it } from 'vitest';
import { ADDRESS, counts, line, order } from './fixtures.ts';
import { resolveChanges } from './resolve-changes.ts';

const change = (path: string, oldValue: unknown, newValue: unknown) => ({ path, op: 'REPLACE', oldValue, newValue });

describe('resolveChanges', () => {
  it('applies every change to one draft: two fields of the address and two changes of one line', () => {
    const r = resolveChanges(order(), [
      change('/shippingAddress/postalCode', '12930', '12940'),
      change('/shippingAddress/city', 'Springfield', 'Shelbyville'),
      change('/lines/L1/unitPrice', 2000, 1800),
      change('/lines/L1/quantity', 5, 7),
    ]);
    expect(r.ok).toBe(true);
    expect(r.ok && r.draft.shippingAddress).toEqual({ ...ADDRESS, postalCode: '12940', city: 'Shelbyville' });
    expect(r.ok && r.draft.lines).toEqual({ L1: { unitPrice: 1800, addUnits: 2, cancelUnits: 0, sku: 'SKU-MUG' } });
  });

  it('is all or nothing: one stale change fails the request, listing every stale change', () => {
    const r = resolveChanges(order(), [
      change('/deliveryNote', 'Leave at the door', 'Back door'),
      change('/contact/phone', '+1 555 0000', '+1 555 0199'),
      change('/lines/L1/quantity', 4, 7),
    ]);
    expect(r).toEqual({
      ok: false,
      code: 'STALE_VALUE',
      errors: [
        expect.objectContaining({ path: 'changes[1].oldValue', currentValue: '+1 555 0100' }),
        expect.objectContaining({ path: 'changes[2].oldValue', currentValue: 5 }),
      ],
    });
  });

  it('an oldValue of another type than the current value is malformed (422), not stale', () => {
    const r = resolveChanges(order(), [
      change('/shippingAddress/postalCode', 12930, '12940'),
      change('/lines/L1/quantity', '5', 4),
      change('/deliveryNote', 'Back door', 'Front door'),
    ]);
    expect(r).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      errors: [
        { code: 'VALIDATION_FAILED', path: 'changes[0].oldValue', message: 'oldValue must be a string (or null for none), not a number' },
        { code: 'VALIDATION_FAILED', path: 'changes[1].oldValue', message: 'oldValue must be a number (or null for none), not a string' },
      ],
    });
    const contact = { name: 'Ada Buyer', email: 'ada@example.test', phone: '+1 555 0199' };
    expect(resolveChanges(order(), [change('/contact', 'Ada Buyer', contact)])).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ message: 'oldValue must be an object (or null for none), not a string' }] });
    // Same type, another value: the order moved on.
    expect(resolveChanges(order(), [change('/lines/L1/quantity', 4, 3)])).toMatchObject({ code: 'STALE_VALUE' });
  });

  it('a validation problem wins over a stale value, so code and messages agree', () => {
    const r = resolveChanges(order(), [change('/contact/phone', 'old', '+1 555 0199'), change('/lines/L1/sku', 'SKU-MUG', 'SKU-MUG')]);
    expect(r).toEqual({ ok: false, code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path: 'changes[1].newValue' })] });
    expect(resolveChanges(order(), [change('/nope', 1, 2)])).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ code: 'VALIDATION_FAILED', path: 'changes[0].path' })],
    });
  });

  it('checks a line as a whole: a price cut under the discount blames the price change', () => {
    const o = order({ lines: [line('L1', { discountAmount: 9000 })] });
    const r = resolveChanges(o, [change('/lines/L1/quantity', 5, 6), change('/lines/L1/unitPrice', 2000, 1000)]);
    expect(r).toEqual({ ok: false, code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path: 'changes[1].newValue' })] });
  });

  it('refuses substituting a line whose units all go, and a quantity of 0 (a cancellation removes a line)', () => {
    const r = resolveChanges(order(), [change('/lines/L1/quantity', 5, 0), change('/lines/L1/sku', 'SKU-MUG', 'SKU-CUP')]);
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', errors: [{ path: 'changes[0].newValue' }] });
    const empty = order({ lines: [line('L1', { counts: counts({ CANCELLED: 5 }) })] });
    expect(resolveChanges(empty, [change('/lines/L1/sku', 'SKU-MUG', 'SKU-CUP')]).ok).toBe(false);
  });
});
