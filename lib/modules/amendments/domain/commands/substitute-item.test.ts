import { describe, expect, it } from 'vitest';
import { initialDraft } from '../change-command.ts';
import { order } from '../fixtures.ts';
import { applySubstituteItem, CLASSIFICATION, parseSubstituteItem } from './substitute-item.ts';

const run = (o: ReturnType<typeof order>, oldValue: unknown, newValue: unknown, lineId = 'L1') => {
  const parsed = parseSubstituteItem(lineId, { path: '', op: 'REPLACE', oldValue, newValue }, 3, `/lines/${lineId}/sku`);
  if (!parsed.ok) return { parseErrors: parsed.errors };
  return applySubstituteItem(o, initialDraft(o), parsed.value);
};

describe('SubstituteItem', () => {
  it('is COMMERCIAL', () => expect(CLASSIFICATION).toBe('COMMERCIAL'));

  it('puts the new SKU on the line draft, price unchanged', () => {
    expect(run(order(), 'SKU-MUG', ' SKU-MUG-BLUE ')).toEqual({
      ok: true,
      draft: expect.objectContaining({ lines: { L1: { unitPrice: 2000, addUnits: 0, cancelUnits: 0, sku: 'SKU-MUG-BLUE' } } }),
    });
  });

  it('STALE_VALUE when oldValue is not the line SKU', () => {
    expect(run(order(), 'SKU-CUP', 'SKU-MUG-BLUE')).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'STALE_VALUE', path: 'changes[3].oldValue', currentValue: 'SKU-MUG' }),
    });
  });

  it('refuses an empty, over-long or NUL SKU, the same SKU and an unknown line', () => {
    for (const newValue of ['', 'x'.repeat(65), 'A\u0000B', 5, null]) {
      expect(run(order(), 'SKU-MUG', newValue), String(newValue)).toHaveProperty('parseErrors');
    }
    expect(run(order(), 'SKU-MUG', 'SKU-MUG')).toEqual({ ok: false, problem: expect.objectContaining({ code: 'VALIDATION_FAILED' }) });
    expect(run(order(), 'SKU-MUG', 'X', 'L2')).toEqual({ ok: false, problem: expect.objectContaining({ path: 'changes[3].path' }) });
  });
});
