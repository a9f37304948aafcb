import { describe, expect, it } from 'vitest';
import { AMENDMENT_STATUSES, canTransition, canWithdraw, isActive, isFinal, type AmendmentStatus } from './status.ts';

// SPEC §6, written out: REQUESTED → (REQUIRES_APPROVAL → APPROVED) → APPLYING → APPLIED,
// or REJECTED, FAILED, WITHDRAWN.
const ALLOWED = new Set([
  'REQUESTED→REQUIRES_APPROVAL',
  'REQUESTED→APPLYING',
  'REQUESTED→FAILED',
  'REQUESTED→WITHDRAWN',
  'REQUIRES_APPROVAL→APPROVED',
  'REQUIRES_APPROVAL→REJECTED',
  'REQUIRES_APPROVAL→WITHDRAWN',
  'APPROVED→APPLYING',
  'APPROVED→FAILED',
  'APPLYING→APPLIED',
  'APPLYING→FAILED',
]);

describe('amendment status transitions, every from × to', () => {
  for (const from of AMENDMENT_STATUSES) {
    for (const to of AMENDMENT_STATUSES) {
      const expected = ALLOWED.has(`${from}→${to}`);
      it(`${from} → ${to}: ${expected ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(expected);
      });
    }
  }

  it('refuses unknown statuses, including prototype keys', () => {
    expect(canTransition('__proto__' as AmendmentStatus, 'APPLIED')).toBe(false);
    expect(canTransition('REQUESTED', 'DONE' as AmendmentStatus)).toBe(false);
  });

  it('knows the final statuses; everything else holds its lines', () => {
    expect(AMENDMENT_STATUSES.filter(isFinal)).toEqual(['APPLIED', 'REJECTED', 'FAILED', 'WITHDRAWN']);
    expect(AMENDMENT_STATUSES.filter(isActive)).toEqual(['REQUESTED', 'REQUIRES_APPROVAL', 'APPROVED', 'APPLYING']);
    expect(AMENDMENT_STATUSES.filter(canWithdraw)).toEqual(['REQUESTED', 'REQUIRES_APPROVAL']);
  });
});
