import { describe, expect, it } from 'vitest';
import { COMPENSATION_TASK_STATUSES, deriveSettlement, failureReasonOf, wasAbandoned, type CompensationTaskStatus } from './settlement.ts';

describe('deriveSettlement', () => {
  const t = (status: CompensationTaskStatus, mode: 'AUTOMATIC' | 'MANUAL' = 'AUTOMATIC') => ({ status, mode });

  it('no tasks: completed, or partially when units were blocked', () => {
    expect(deriveSettlement([], false)).toBe('COMPLETED');
    expect(deriveSettlement([], true)).toBe('PARTIALLY_COMPLETED');
  });

  it('executing while any task is pending or in progress (manual or automatic)', () => {
    expect(deriveSettlement([t('DONE'), t('PENDING', 'MANUAL')], false)).toBe('EXECUTING');
    expect(deriveSettlement([t('IN_PROGRESS'), t('FAILED')], true)).toBe('EXECUTING');
  });

  it('failed once nothing is pending and some task failed', () => {
    expect(deriveSettlement([t('DONE'), t('FAILED', 'MANUAL')], false)).toBe('FAILED');
    expect(deriveSettlement([t('FAILED')], true)).toBe('FAILED');
  });

  it('done and cancelled tasks complete the change', () => {
    expect(deriveSettlement([t('DONE'), t('CANCELLED')], false)).toBe('COMPLETED');
    expect(deriveSettlement([t('DONE', 'MANUAL')], true)).toBe('PARTIALLY_COMPLETED');
  });

  it('single-task table: every task status × blocked flag', () => {
    const expected: Record<CompensationTaskStatus, [string, string]> = {
      PENDING: ['EXECUTING', 'EXECUTING'],
      IN_PROGRESS: ['EXECUTING', 'EXECUTING'],
      FAILED: ['FAILED', 'FAILED'],
      DONE: ['COMPLETED', 'PARTIALLY_COMPLETED'],
      CANCELLED: ['COMPLETED', 'PARTIALLY_COMPLETED'],
    };
    for (const s of COMPENSATION_TASK_STATUSES) {
      for (const mode of ['AUTOMATIC', 'MANUAL'] as const) {
        expect(deriveSettlement([t(s, mode)], false)).toBe(expected[s][0]);
        expect(deriveSettlement([t(s, mode)], true)).toBe(expected[s][1]);
      }
    }
  });
});

describe('wasAbandoned and failureReasonOf', () => {
  it('only a cancelled task marked abandoned counts as abandoned', () => {
    expect(wasAbandoned({ status: 'CANCELLED', output: { abandoned: true } })).toBe(true);
    expect(wasAbandoned({ status: 'CANCELLED', output: null })).toBe(false);
    expect(wasAbandoned({ status: 'DONE', output: { abandoned: true } })).toBe(false);
  });

  it('the first failed task gives the reason', () => {
    expect(failureReasonOf([{ status: 'DONE', lastError: 'old' }, { status: 'FAILED', lastError: 'declined' }])).toBe('declined');
    expect(failureReasonOf([{ status: 'FAILED', lastError: null }])).toBe('a compensation step failed');
  });
});
