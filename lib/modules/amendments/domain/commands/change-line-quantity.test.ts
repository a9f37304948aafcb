import { describe, expect, it } from 'vitest';
import { initialDraft, type ChangeLineQuantity } from '../change-command.ts';
import { counts, line, order } from '../fixtures.ts';
import { applyChangeLineQuantity, CLASSIFICATION, parseChangeLineQuantity, quantityDirection } from './change-line-quantity.ts';

const run = (o: ReturnType<typeof order>, oldValue: unknown, newValue: unknown, lineId = 'L1') => {
  const parsed = parseChangeLineQuantity(lineId, { path: '', op: 'REPLACE', oldValue, newValue }, 0, `/lines/${lineId}/quantity`);
  if (!parsed.ok) return { parseErrors: parsed.errors };
  return applyChangeLineQuantity(o, initialDraft(o), parsed.value);
};

describe('ChangeLineQuantity', () => {
  it('is COMMERCIAL', () => expect(CLASSIFICATION).toBe('COMMERCIAL'));

  it('an increase adds OPEN units', () => {
    expect(run(order(), 5, 7)).toEqual({
      ok: true,
      draft: expect.objectContaining({ lines: { L1: { unitPrice: 2000, addUnits: 2, cancelUnits: 0, sku: 'SKU-MUG' } } }),
    });
  });

  it('a decrease hands units to the cancellation engine; 0 is refused (a cancellation removes a line)', () => {
    expect(run(order(), 5, 3)).toEqual({
      ok: true,
      draft: expect.objectContaining({ lines: { L1: { unitPrice: 2000, addUnits: 0, cancelUnits: 2, sku: 'SKU-MUG' } } }),
    });
    expect(parseChangeLineQuantity('L1', { path: '/lines/L1/quantity', op: 'REPLACE', oldValue: 5, newValue: 0 }, 0, '/lines/L1/quantity')).toEqual({
      ok: false,
      errors: [{ path: 'changes[0].newValue', message: expect.stringMatching(/at least 1: to remove every unit of the line, request a cancellation/) }],
    });
  });

  it('reads the active quantity: cancelled and returned units no longer count', () => {
    const o = order({ lines: [line('L1', { counts: counts({ OPEN: 2, CANCELLED: 2, RETURNED: 1 }) })] });
    expect(run(o, 2, 4)).toEqual({ ok: true, draft: expect.objectContaining({ lines: { L1: expect.objectContaining({ addUnits: 2 }) } }) });
    expect(run(o, 5, 4)).toEqual({ ok: false, problem: expect.objectContaining({ code: 'STALE_VALUE', currentValue: 2 }) });
  });

  it('STALE_VALUE on another or a missing old value', () => {
    for (const oldValue of [4, '5', null]) {
      expect(run(order(), oldValue, 7)).toEqual({
        ok: false,
        problem: expect.objectContaining({ code: 'STALE_VALUE', path: 'changes[0].oldValue', currentValue: 5 }),
      });
    }
  });

  it('refuses fractions, negatives, non-numbers, too many units, no change and unknown lines', () => {
    for (const newValue of [2.5, -1, '7', null, 1_000_001]) {
      expect(run(order(), 5, newValue), String(newValue)).toHaveProperty('parseErrors');
    }
    expect(run(order({ lines: [line('L1', { quantity: 999_999, counts: counts({ OPEN: 999_999 }) })] }), 999_999, 1_000_000)).toHaveProperty('ok', true);
    expect(run(order({ lines: [line('L1', { quantity: 999_999, counts: counts({ OPEN: 2, CANCELLED: 999_997 }) })] }), 2, 4)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'VALIDATION_FAILED', path: 'changes[0].newValue' }),
    });
    expect(run(order(), 5, 5)).toEqual({ ok: false, problem: expect.objectContaining({ code: 'VALIDATION_FAILED' }) });
    expect(run(order(), 5, 7, 'L9')).toEqual({ ok: false, problem: expect.objectContaining({ code: 'VALIDATION_FAILED', path: 'changes[0].path' }) });
  });

  it('tells the direction from the current quantity', () => {
    const cmd = { newValue: 7 } as ChangeLineQuantity;
    expect(quantityDirection(cmd, 5)).toBe('INCREASE');
    expect(quantityDirection(cmd, 9)).toBe('DECREASE');
  });
});
