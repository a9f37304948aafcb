import { describe, expect, it } from 'vitest';
import { initialDraft, type RawChange } from '../change-command.ts';
import { order } from '../fixtures.ts';
import { applyChangeDeliveryNote, CLASSIFICATION, parseChangeDeliveryNote } from './change-delivery-note.ts';

const run = (o = order(), raw: RawChange) => {
  const parsed = parseChangeDeliveryNote(raw, 0, '/deliveryNote');
  if (!parsed.ok) return { parseErrors: parsed.errors };
  return applyChangeDeliveryNote(o, initialDraft(o), parsed.value);
};

describe('ChangeDeliveryNote', () => {
  it('is ADMINISTRATIVE', () => expect(CLASSIFICATION).toBe('ADMINISTRATIVE'));

  it('replaces the note, or removes it with null or blank text', () => {
    expect(run(order(), { path: '', op: 'REPLACE', oldValue: 'Leave at the door', newValue: 'Back door' })).toEqual({
      ok: true,
      draft: expect.objectContaining({ deliveryNote: 'Back door' }),
    });
    for (const newValue of [null, '  ']) {
      expect(run(order(), { path: '', op: 'REPLACE', oldValue: 'Leave at the door', newValue })).toEqual({
        ok: true,
        draft: expect.objectContaining({ deliveryNote: null }),
      });
    }
  });

  it('adds a note where there was none (oldValue null)', () => {
    const r = run(order({ deliveryNote: null }), { path: '', op: 'REPLACE', oldValue: null, newValue: 'Ring' });
    expect(r).toEqual({ ok: true, draft: expect.objectContaining({ deliveryNote: 'Ring' }) });
  });

  it('STALE_VALUE when oldValue is not the current note', () => {
    const r = run(order(), { path: '', op: 'REPLACE', oldValue: 'Leave it', newValue: 'Back door' });
    expect(r).toEqual({ ok: false, problem: expect.objectContaining({ code: 'STALE_VALUE', currentValue: 'Leave at the door' }) });
  });

  it('refuses over-long text and no change', () => {
    expect(run(order(), { path: '', op: 'REPLACE', oldValue: 'Leave at the door', newValue: 'x'.repeat(1001) })).toHaveProperty('parseErrors');
    const same = run(order(), { path: '', op: 'REPLACE', oldValue: 'Leave at the door', newValue: ' Leave at the door ' });
    expect(same).toEqual({ ok: false, problem: expect.objectContaining({ code: 'VALIDATION_FAILED', path: 'changes[0].newValue' }) });
  });
});
