import { describe, expect, it } from 'vitest';
import { MAX_MONEY } from '../../../../platform/money/money.ts';
import { initialDraft } from '../change-command.ts';
import { order } from '../fixtures.ts';
import { applyChangeUnitPrice, CLASSIFICATION, parseChangeUnitPrice } from './change-unit-price.ts';

const run = (o: ReturnType<typeof order>, oldValue: unknown, newValue: unknown, lineId = 'L1') => {
  const parsed = parseChangeUnitPrice(lineId, { path: '', op: 'REPLACE', oldValue, newValue }, 0, `/lines/${lineId}/unitPrice`);
  if (!parsed.ok) return { parseErrors: parsed.errors };
  return applyChangeUnitPrice(o, initialDraft(o), parsed.value);
};

describe('ChangeUnitPrice', () => {
  it('is COMMERCIAL', () => expect(CLASSIFICATION).toBe('COMMERCIAL'));

  it('re-prices the line draft (0 is a valid price)', () => {
    expect(run(order(), 2000, 1800)).toEqual({
      ok: true,
      draft: expect.objectContaining({ lines: { L1: { unitPrice: 1800, addUnits: 0, cancelUnits: 0, sku: 'SKU-MUG' } } }),
    });
    expect(run(order(), 2000, 0)).toHaveProperty('ok', true);
  });

  it('STALE_VALUE when oldValue is not the line price', () => {
    expect(run(order(), 1999, 1800)).toEqual({ ok: false, problem: expect.objectContaining({ code: 'STALE_VALUE', currentValue: 2000 }) });
  });

  it('refuses negative, fractional, too large and unchanged prices', () => {
    for (const newValue of [-1, 18.5, '1800', MAX_MONEY + 1]) {
      expect(run(order(), 2000, newValue), String(newValue)).toHaveProperty('parseErrors');
    }
    expect(run(order(), 2000, 2000)).toEqual({ ok: false, problem: expect.objectContaining({ code: 'VALIDATION_FAILED' }) });
  });
});
