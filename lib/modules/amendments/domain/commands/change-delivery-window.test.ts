import { describe, expect, it } from 'vitest';
import { initialDraft, type RawChange } from '../change-command.ts';
import { order, WINDOW } from '../fixtures.ts';
import { applyChangeDeliveryWindow, CLASSIFICATION, parseChangeDeliveryWindow } from './change-delivery-window.ts';

const run = (o = order(), raw: RawChange) => {
  const parsed = parseChangeDeliveryWindow(raw, 1, '/deliveryWindow');
  if (!parsed.ok) return { parseErrors: parsed.errors };
  return applyChangeDeliveryWindow(o, initialDraft(o), parsed.value);
};

const LATER = { from: '2030-05-02T08:00:00Z', to: '2030-05-02T12:00:00Z' };

describe('ChangeDeliveryWindow', () => {
  it('is SCHEDULING', () => expect(CLASSIFICATION).toBe('SCHEDULING'));

  it('replaces the window; the old one may be given in any zone', () => {
    const oldValue = { from: '2030-05-01T10:00:00+02:00', to: '2030-05-01T14:00:00+02:00' };
    expect(run(order(), { path: '', op: 'REPLACE', oldValue, newValue: LATER })).toEqual({
      ok: true,
      draft: expect.objectContaining({ deliveryWindow: { from: '2030-05-02T08:00:00.000Z', to: '2030-05-02T12:00:00.000Z' } }),
    });
  });

  it('removes the window with null', () => {
    expect(run(order(), { path: '', op: 'REPLACE', oldValue: WINDOW, newValue: null })).toEqual({
      ok: true,
      draft: expect.objectContaining({ deliveryWindow: null }),
    });
  });

  it('STALE_VALUE when oldValue is another window', () => {
    const r = run(order(), { path: '', op: 'REPLACE', oldValue: LATER, newValue: { from: '2030-06-01T08:00:00Z', to: '2030-06-01T09:00:00Z' } });
    expect(r).toEqual({ ok: false, problem: expect.objectContaining({ code: 'STALE_VALUE', path: 'changes[1].oldValue', currentValue: WINDOW }) });
  });

  it('refuses a reversed window and the same window', () => {
    const reversed = run(order(), { path: '', op: 'REPLACE', oldValue: WINDOW, newValue: { from: LATER.to, to: LATER.from } });
    expect(reversed).toEqual({ parseErrors: [{ path: 'changes[1].newValue.to', message: 'must be after from' }] });
    const same = run(order(), { path: '', op: 'REPLACE', oldValue: WINDOW, newValue: { ...WINDOW } });
    expect(same).toEqual({ ok: false, problem: expect.objectContaining({ code: 'VALIDATION_FAILED' }) });
  });
});
