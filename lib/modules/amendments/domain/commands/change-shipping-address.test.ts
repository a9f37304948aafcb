import { describe, expect, it } from 'vitest';
import { initialDraft, type RawChange } from '../change-command.ts';
import { ADDRESS, order } from '../fixtures.ts';
import { applyChangeShippingAddress, CLASSIFICATION, parseChangeShippingAddress } from './change-shipping-address.ts';

const run = (o = order(), field: Parameters<typeof parseChangeShippingAddress>[0], raw: RawChange) => {
  const parsed = parseChangeShippingAddress(field, raw, 0, '/shippingAddress');
  if (!parsed.ok) return { parseErrors: parsed.errors };
  return applyChangeShippingAddress(o, initialDraft(o), parsed.value);
};

describe('ChangeShippingAddress', () => {
  it('is FULFILLMENT_ROUTING', () => expect(CLASSIFICATION).toBe('FULFILLMENT_ROUTING'));

  it('replaces one field, keeping the others', () => {
    const r = run(order(), 'postalCode', { path: '', op: 'REPLACE', oldValue: '12930', newValue: ' 12940 ' });
    expect(r).toEqual({ ok: true, draft: expect.objectContaining({ shippingAddress: { ...ADDRESS, postalCode: '12940' } }) });
  });

  it('replaces the whole address; oldValue compares in canonical form', () => {
    const next = { ...ADDRESS, line1: '2 Side St', line2: 'Apt 4' };
    const r = run(order(), null, { path: '', op: 'REPLACE', oldValue: { ...ADDRESS, line2: '', city: ' Springfield ' }, newValue: next });
    expect(r).toEqual({ ok: true, draft: expect.objectContaining({ shippingAddress: next }) });
  });

  it('sets a first address on an order without one (oldValue null)', () => {
    const r = run(order({ shippingAddress: null }), null, { path: '', op: 'REPLACE', oldValue: null, newValue: { ...ADDRESS } });
    expect(r).toEqual({ ok: true, draft: expect.objectContaining({ shippingAddress: { ...ADDRESS } }) });
  });

  it('STALE_VALUE when oldValue is not the current value, with the current value', () => {
    const r = run(order(), 'postalCode', { path: '', op: 'REPLACE', oldValue: '99999', newValue: '12940' });
    expect(r).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'STALE_VALUE', path: 'changes[0].oldValue', currentValue: '12930' }),
    });
    const whole = run(order(), null, { path: '', op: 'REPLACE', oldValue: null, newValue: { ...ADDRESS, city: 'X' } });
    expect(whole).toEqual({ ok: false, problem: expect.objectContaining({ code: 'STALE_VALUE', currentValue: ADDRESS }) });
  });

  it('refuses a bad new value, a required field emptied, or a change that changes nothing', () => {
    expect(run(order(), 'country', { path: '', op: 'REPLACE', oldValue: 'US', newValue: 'XX' })).toEqual({
      parseErrors: [{ path: 'changes[0].newValue', message: 'must be an ISO 3166-1 alpha-2 country code such as US or DE' }],
    });
    expect(run(order(), 'city', { path: '', op: 'REPLACE', oldValue: 'Springfield', newValue: null })).toHaveProperty('parseErrors');
    const same = run(order(), 'city', { path: '', op: 'REPLACE', oldValue: 'Springfield', newValue: 'Springfield' });
    expect(same).toEqual({ ok: false, problem: expect.objectContaining({ code: 'VALIDATION_FAILED', path: 'changes[0].newValue' }) });
  });

  it('refuses a single field on an order without an address', () => {
    const r = run(order({ shippingAddress: null }), 'line2', { path: '', op: 'REPLACE', oldValue: null, newValue: 'Apt 4' });
    expect(r).toEqual({ ok: false, problem: expect.objectContaining({ code: 'VALIDATION_FAILED', path: 'changes[0].path' }) });
  });
});
