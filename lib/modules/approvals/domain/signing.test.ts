import { describe, expect, it } from 'vitest';
import { APPROVER_LEVELS, type ApproverLevel } from '../../../platform/auth/levels.ts';
import { canSign, signableLevels, signableTasks, signableTaskWhere, type SigningCase, type SigningTask } from './signing.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const later = new Date(NOW.getTime() + 60_000);
const task = (id: string, level: ApproverLevel, extra: Partial<SigningTask> = {}): SigningTask => ({ id, level, status: 'PENDING', expiresAt: null, ...extra });
const signing = (extra: Partial<SigningCase<SigningTask>>): SigningCase<SigningTask> => ({
  label: 'cancellation CX-000001',
  subjectPending: true,
  tasks: [task('t1', 'MANAGER')],
  signer: { userId: 'approver', approverLevel: 'MANAGER' },
  requestedById: 'buyer',
  now: NOW,
  ...extra,
});
const rank = (l: ApproverLevel) => APPROVER_LEVELS.indexOf(l);

describe('canSign', () => {
  for (const approver of APPROVER_LEVELS) {
    for (const level of APPROVER_LEVELS) {
      const expected = rank(approver) >= rank(level);
      it(`${approver} ${expected ? 'may' : 'may not'} sign ${level}`, () => {
        expect(canSign(approver, level)).toBe(expected);
      });
    }
  }

  it('no approver level signs nothing', () => {
    for (const level of APPROVER_LEVELS) {
      expect(canSign(null, level)).toBe(false);
      expect(canSign(undefined, level)).toBe(false);
    }
  });
});

describe('signableTasks', () => {
  for (const approver of APPROVER_LEVELS) {
    for (const level of APPROVER_LEVELS) {
      const allowed = rank(approver) >= rank(level);
      it(`a ${approver} ${allowed ? 'signs' : 'is refused'} a ${level} task`, () => {
        const out = signableTasks(signing({ tasks: [task('t1', level)], signer: { userId: 'approver', approverLevel: approver } }));
        if (allowed) expect(out).toEqual({ ok: true, tasks: [task('t1', level)] });
        else {
          expect(out).toMatchObject({ ok: false, reason: 'LEVEL_TOO_LOW', error: { code: 'FORBIDDEN' } });
          expect(out.ok || out.error.message).toBe(`This approval needs ${level}; your level is ${approver}`);
        }
      });
    }
  }

  it('without a level nothing is signed', () => {
    expect(signableTasks(signing({ signer: { userId: 'approver', approverLevel: null } }))).toMatchObject({ ok: false, reason: 'LEVEL_TOO_LOW' });
  });

  it('of several pending tasks the signer gets those at or below their level', () => {
    const tasks = APPROVER_LEVELS.map((l) => task(l, l));
    const out = signableTasks(signing({ tasks, signer: { userId: 'approver', approverLevel: 'DIRECTOR' } }));
    expect(out.ok && out.tasks.map((t) => t.id)).toEqual(['SUPERVISOR', 'MANAGER', 'DIRECTOR']);
  });

  it('a named task is the only one signed', () => {
    const tasks = [task('m', 'MANAGER'), task('d', 'DIRECTOR')];
    const out = signableTasks(signing({ tasks, taskId: 'm', signer: { userId: 'approver', approverLevel: 'VP' } }));
    expect(out.ok && out.tasks.map((t) => t.id)).toEqual(['m']);
    const above = signableTasks(signing({ tasks, taskId: 'd', signer: { userId: 'approver', approverLevel: 'MANAGER' } }));
    expect(above).toMatchObject({ ok: false, reason: 'LEVEL_TOO_LOW' });
  });

  it('the requester never signs their own request, whatever their level', () => {
    for (const approverLevel of APPROVER_LEVELS) {
      const out = signableTasks(signing({ requestedById: 'approver', signer: { userId: 'approver', approverLevel } }));
      expect(out).toMatchObject({ ok: false, reason: 'OWN_REQUEST', error: { code: 'FORBIDDEN', message: 'You cannot decide on your own request' } });
    }
  });

  it('a task past its deadline waits for the expiry job, not for a signature', () => {
    const out = signableTasks(signing({ tasks: [task('t1', 'MANAGER', { expiresAt: NOW })] }));
    expect(out).toMatchObject({ ok: false, reason: 'EXPIRED', error: { code: 'CONFLICT', details: { taskStatus: 'EXPIRED', expiresAt: NOW.toISOString() } } });
    // Expired beats own request: neither may sign it.
    expect(signableTasks(signing({ tasks: [task('t1', 'MANAGER', { expiresAt: NOW })], requestedById: 'approver' }))).toMatchObject({ reason: 'EXPIRED' });
    // A live task next to an expired one can still be signed.
    const mixed = signableTasks(signing({ tasks: [task('old', 'MANAGER', { expiresAt: NOW }), task('new', 'MANAGER', { expiresAt: later })] }));
    expect(mixed.ok && mixed.tasks.map((t) => t.id)).toEqual(['new']);
  });

  it('a decided task or subject is a conflict, before anything else is checked', () => {
    for (const status of ['APPROVED', 'REJECTED', 'EXPIRED', 'ESCALATED']) {
      const out = signableTasks(signing({ tasks: [task('t1', 'VP', { status })], taskId: 't1', requestedById: 'approver', signer: { userId: 'approver', approverLevel: null } }));
      expect(out).toMatchObject({ ok: false, reason: 'DECIDED', error: { code: 'CONFLICT', details: { taskStatus: status } } });
    }
    expect(signableTasks(signing({ subjectPending: false, subjectStatus: 'PARTIALLY_COMPLETED' }))).toMatchObject({
      ok: false,
      reason: 'DECIDED',
      error: { code: 'CONFLICT', message: 'Cancellation CX-000001 is partially completed; it can no longer be decided', details: { subjectStatus: 'PARTIALLY_COMPLETED' } },
    });
    expect(signableTasks(signing({ tasks: [task('t1', 'MANAGER', { status: 'APPROVED' })] }))).toMatchObject({ ok: false, reason: 'DECIDED' });
    expect(signableTasks(signing({ tasks: [] }))).toMatchObject({ ok: false, reason: 'DECIDED' });
  });
});

describe('signableTaskWhere', () => {
  it('lists the levels a signer may sign, never their own requests, never past the deadline', () => {
    for (const approverLevel of APPROVER_LEVELS) {
      const where = signableTaskWhere({ userId: 'u1', approverLevel }, NOW);
      expect(where).toEqual({
        status: 'PENDING',
        level: { in: APPROVER_LEVELS.filter((l) => rank(l) <= rank(approverLevel)) },
        requestedById: { not: 'u1' },
        OR: [{ expiresAt: null }, { expiresAt: { gt: NOW } }],
      });
    }
    expect(signableTaskWhere({ userId: 'u1', approverLevel: null }, NOW).level.in).toEqual([]);
  });

  it('a level filter narrows, never widens', () => {
    expect(signableTaskWhere({ userId: 'u1', approverLevel: 'DIRECTOR' }, NOW, 'MANAGER').level.in).toEqual(['MANAGER']);
    expect(signableTaskWhere({ userId: 'u1', approverLevel: 'MANAGER' }, NOW, 'VP').level.in).toEqual([]);
    expect(signableLevels('SUPERVISOR')).toEqual(['SUPERVISOR']);
  });
});
