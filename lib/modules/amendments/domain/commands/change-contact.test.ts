import { describe, expect, it } from 'vitest';
import { initialDraft, type RawChange } from '../change-command.ts';
import { CONTACT, order } from '../fixtures.ts';
import { applyChangeContact, CLASSIFICATION, parseChangeContact } from './change-contact.ts';

const run = (o = order(), field: Parameters<typeof parseChangeContact>[0], raw: RawChange) => {
  const parsed = parseChangeContact(field, raw, 2, '/contact');
  if (!parsed.ok) return { parseErrors: parsed.errors };
  return applyChangeContact(o, initialDraft(o), parsed.value);
};

describe('ChangeContact', () => {
  it('is ADMINISTRATIVE', () => expect(CLASSIFICATION).toBe('ADMINISTRATIVE'));

  it('replaces the phone, or removes it with null', () => {
    expect(run(order(), 'phone', { path: '', op: 'REPLACE', oldValue: '+1 555 0100', newValue: '+1 555 0199' })).toEqual({
      ok: true,
      draft: expect.objectContaining({ contact: { ...CONTACT, phone: '+1 555 0199' } }),
    });
    expect(run(order(), 'phone', { path: '', op: 'REPLACE', oldValue: '+1 555 0100', newValue: null })).toEqual({
      ok: true,
      draft: expect.objectContaining({ contact: { ...CONTACT, phone: null } }),
    });
  });

  it('replaces the whole contact', () => {
    const next = { name: 'Bob', email: 'bob@example.test', phone: null };
    expect(run(order(), null, { path: '', op: 'REPLACE', oldValue: CONTACT, newValue: next })).toEqual({
      ok: true,
      draft: expect.objectContaining({ contact: next }),
    });
  });

  it('STALE_VALUE on a wrong old value, also a wrong type', () => {
    for (const oldValue of ['ada@old.test', 42, undefined]) {
      const r = run(order(), 'email', { path: '', op: 'REPLACE', oldValue, newValue: 'ada@new.test' });
      expect(r).toEqual({ ok: false, problem: expect.objectContaining({ code: 'STALE_VALUE', path: 'changes[2].oldValue', currentValue: CONTACT.email }) });
    }
  });

  it('refuses a bad e-mail, an e-mail removed, and no change', () => {
    expect(run(order(), 'email', { path: '', op: 'REPLACE', oldValue: CONTACT.email, newValue: 'nope' })).toEqual({
      parseErrors: [{ path: 'changes[2].newValue', message: 'must be an e-mail address' }],
    });
    expect(run(order(), 'email', { path: '', op: 'REPLACE', oldValue: CONTACT.email, newValue: null })).toHaveProperty('parseErrors');
    const same = run(order(), null, { path: '', op: 'REPLACE', oldValue: CONTACT, newValue: { ...CONTACT } });
    expect(same).toEqual({ ok: false, problem: expect.objectContaining({ code: 'VALIDATION_FAILED' }) });
  });
});
