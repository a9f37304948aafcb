import { describe, expect, it } from 'vitest';
import {
  APPROVAL_TASK_STATUSES,
  CANCELLATION_REQUEST_STATUSES,
  canTransition,
  canTransitionApprovalTask,
  isActive,
  isApprovalTaskFinal,
  isFinal,
  type ApprovalTaskStatus,
  type CancellationRequestStatus,
} from './request-status.ts';

type S = CancellationRequestStatus;

const ALLOWED: ReadonlySet<string> = new Set(
  (
    [
      ['PENDING_APPROVAL', 'APPROVED'],
      ['PENDING_APPROVAL', 'REJECTED'],
      ['PENDING_APPROVAL', 'EXPIRED'],
      ['PENDING_APPROVAL', 'WITHDRAWN'],
      ['APPROVED', 'EXECUTING'],
      ['EXECUTING', 'COMPLETED'],
      ['EXECUTING', 'PARTIALLY_COMPLETED'],
      ['EXECUTING', 'FAILED'],
      ['FAILED', 'EXECUTING'],
      ['FAILED', 'COMPLETED'],
      ['FAILED', 'PARTIALLY_COMPLETED'],
      ['PARTIALLY_COMPLETED', 'COMPLETED'],
    ] as [S, S][]
  ).map(([a, b]) => `${a}>${b}`),
);

describe('cancellation request transitions', () => {
  for (const from of CANCELLATION_REQUEST_STATUSES) {
    for (const to of CANCELLATION_REQUEST_STATUSES) {
      const expected = ALLOWED.has(`${from}>${to}`);
      it(`${from} → ${to}: ${expected ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(expected);
      });
    }
  }

  it('refuses unknown runtime strings', () => {
    expect(canTransition('__proto__' as S, 'APPROVED')).toBe(false);
    expect(canTransition('PENDING_APPROVAL', 'constructor' as S)).toBe(false);
  });

  it('final and active statuses', () => {
    const finals = CANCELLATION_REQUEST_STATUSES.filter(isFinal);
    expect(finals.sort()).toEqual(['COMPLETED', 'EXPIRED', 'REJECTED', 'WITHDRAWN']);
    const active = CANCELLATION_REQUEST_STATUSES.filter(isActive);
    expect(active.sort()).toEqual(['APPROVED', 'EXECUTING', 'FAILED', 'PARTIALLY_COMPLETED', 'PENDING_APPROVAL']);
  });
});

describe('approval task transitions', () => {
  for (const from of APPROVAL_TASK_STATUSES) {
    for (const to of APPROVAL_TASK_STATUSES) {
      const expected = from === 'PENDING' && to !== 'PENDING';
      it(`${from} → ${to}: ${expected ? 'allowed' : 'refused'}`, () => {
        expect(canTransitionApprovalTask(from, to)).toBe(expected);
      });
    }
  }

  it('only PENDING is not final; unknown strings are refused', () => {
    expect(APPROVAL_TASK_STATUSES.filter((s) => !isApprovalTaskFinal(s))).toEqual(['PENDING']);
    expect(canTransitionApprovalTask('toString' as ApprovalTaskStatus, 'APPROVED')).toBe(false);
  });
});

describe('settling a request', () => {
  it('every settlement other than EXECUTING is reachable from EXECUTING', () => {
    for (const s of ['COMPLETED', 'PARTIALLY_COMPLETED', 'FAILED'] as const) expect(canTransition('EXECUTING', s)).toBe(true);
  });
});
