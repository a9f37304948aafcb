// Compensation steps of a change (a cancellation request now; an amendment or a return later) and
// what their statuses say about the change as a whole. Pure: the server layer reads the tasks of a
// cause and asks these rules, then the cause's own handler records the answer.

export const COMPENSATION_TASK_STATUSES = ['PENDING', 'IN_PROGRESS', 'DONE', 'FAILED', 'CANCELLED'] as const;
export type CompensationTaskStatus = (typeof COMPENSATION_TASK_STATUSES)[number];

export type CompensationMode = 'AUTOMATIC' | 'MANUAL';

export interface CompensationTaskLike {
  status: CompensationTaskStatus;
  mode: CompensationMode;
}

/** Where a change stands once its plan is being carried out. */
export type Settlement = 'EXECUTING' | 'COMPLETED' | 'PARTIALLY_COMPLETED' | 'FAILED';

/** A manual step not confirmed within this long opens a fallout case. */
export const MANUAL_TASK_DUE_MS = 48 * 60 * 60 * 1000;

/** Automatic refunds are tried this many times (with backoff) before they fall out to OPS. */
export const REFUND_MAX_ATTEMPTS = 3;

/**
 * Status of a change whose plan is being carried out, from its tasks.
 * Mode does not change the answer: a pending manual task (waiting for a
 * person to confirm) keeps the change EXECUTING just like an automatic one.
 * While work is still under way it is EXECUTING even if a sibling task
 * already failed — it turns FAILED once nothing else can progress.
 * CANCELLED tasks (made unnecessary, or abandoned) count as settled, not failed.
 * `anyBlockedUnits`: some units could not be handled in place (or a step was abandoned).
 */
export function deriveSettlement(tasks: readonly CompensationTaskLike[], anyBlockedUnits: boolean): Settlement {
  if (tasks.some((t) => t.status === 'PENDING' || t.status === 'IN_PROGRESS')) return 'EXECUTING';
  if (tasks.some((t) => t.status === 'FAILED')) return 'FAILED';
  return anyBlockedUnits ? 'PARTIALLY_COMPLETED' : 'COMPLETED';
}

/** OPS gave up on the step (with a reason): the change was only partly carried out. */
export function wasAbandoned(task: { status: string; output: unknown }): boolean {
  return task.status === 'CANCELLED' && (task.output as { abandoned?: boolean } | null)?.abandoned === true;
}

/** Why the change failed: the first failed task's error. */
export function failureReasonOf(tasks: readonly { status: string; lastError: string | null }[]): string {
  return tasks.find((t) => t.status === 'FAILED')?.lastError ?? 'a compensation step failed';
}
