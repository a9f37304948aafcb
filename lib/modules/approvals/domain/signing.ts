// Who may sign which approval task (SPEC §5), for every kind of subject: the decision command,
// the approver's queue and the approver's pages all ask these functions, so the rule is written once.

import { APPROVER_LEVELS, approverLevelRank, type ApproverLevel } from '../../../platform/auth/levels.ts';
import { DomainError } from '../../../platform/errors.ts';
import { isPastDeadline } from './escalation.ts';

/** An approver may sign tasks at or below their own level; no level signs nothing. */
export function canSign(approverLevel: ApproverLevel | null | undefined, taskLevel: ApproverLevel): boolean {
  if (approverLevel === null || approverLevel === undefined) return false;
  return approverLevelRank(approverLevel) >= approverLevelRank(taskLevel);
}

/** Who wants to sign. */
export interface Signer {
  userId: string;
  approverLevel: ApproverLevel | null | undefined;
}

/** What the rule needs of a task. */
export interface SigningTask {
  id: string;
  level: string;
  status: string;
  expiresAt: Date | null;
}

export interface SigningCase<T extends SigningTask> {
  /** e.g. "cancellation CX-000012", for the messages. */
  label: string;
  /** The subject still waits for approvals. */
  subjectPending: boolean;
  /** The subject's status, for the message when it is decided (e.g. COMPLETED). */
  subjectStatus?: string;
  /** The subject's tasks (decided ones may be among them; only PENDING ones are signed). */
  tasks: readonly T[];
  signer: Signer;
  requestedById: string;
  now: Date;
  /** Only this task, when the signer names one. */
  taskId?: string;
}

/** Why a signer may not sign: the `reason` in the error's details. */
export type RefusalReason = 'DECIDED' | 'EXPIRED' | 'OWN_REQUEST' | 'LEVEL_TOO_LOW';

export type SigningOutcome<T> = { ok: true; tasks: T[] } | { ok: false; reason: RefusalReason; error: DomainError };

function refuse<T>(reason: RefusalReason, code: 'CONFLICT' | 'FORBIDDEN', message: string, details: Record<string, unknown> = {}): SigningOutcome<T> {
  return { ok: false, reason, error: new DomainError(code, message, { reason, ...details }) };
}

/**
 * The tasks this signer may sign now, or why not, in this order: the subject or task is already
 * decided (409), every task left is past its deadline (409: it waits for escalation or
 * auto-approval), it is the signer's own request (403), or the tasks need a higher level (403).
 */
export function signableTasks<T extends SigningTask>(c: SigningCase<T>): SigningOutcome<T> {
  const named = c.taskId === undefined ? null : (c.tasks.find((t) => t.id === c.taskId) ?? null);
  if (named && named.status !== 'PENDING') {
    return refuse('DECIDED', 'CONFLICT', `This approval is already ${named.status.toLowerCase()}; it can no longer be decided`, { taskStatus: named.status });
  }
  const pending = c.tasks.filter((t) => t.status === 'PENDING' && (c.taskId === undefined || t.id === c.taskId));
  if (!c.subjectPending || pending.length === 0) {
    if (!c.subjectStatus) return refuse('DECIDED', 'CONFLICT', `The approvals of ${c.label} are already decided`);
    const label = c.label.charAt(0).toUpperCase() + c.label.slice(1);
    const status = c.subjectStatus.toLowerCase().replaceAll('_', ' ');
    return refuse('DECIDED', 'CONFLICT', `${label} is ${status}; it can no longer be decided`, { subjectStatus: c.subjectStatus });
  }
  const live = pending.filter((t) => !isPastDeadline(t, c.now));
  if (live.length === 0) {
    const expiresAt = pending[0]!.expiresAt?.toISOString();
    return refuse('EXPIRED', 'CONFLICT', `The approvals of ${c.label} expired; they can no longer be decided`, { taskStatus: 'EXPIRED', expiresAt });
  }
  if (c.requestedById === c.signer.userId) return refuse('OWN_REQUEST', 'FORBIDDEN', 'You cannot decide on your own request');
  const mine = live.filter((t) => isLevel(t.level) && canSign(c.signer.approverLevel, t.level));
  if (mine.length === 0) {
    const needed = live.map((t) => t.level).join(' + ');
    return refuse('LEVEL_TOO_LOW', 'FORBIDDEN', `This approval needs ${needed}; your level is ${c.signer.approverLevel ?? 'none'}`, { needed: live.map((t) => t.level) });
  }
  return { ok: true, tasks: mine };
}

function isLevel(level: string): level is ApproverLevel {
  return (APPROVER_LEVELS as readonly string[]).includes(level);
}

/** The levels a signer may sign, lowest first (none without a level). */
export function signableLevels(approverLevel: ApproverLevel | null | undefined): ApproverLevel[] {
  return APPROVER_LEVELS.filter((l) => canSign(approverLevel, l));
}

/** "Tasks this signer may sign", as a where clause on approval tasks (plain data, for the queue query). */
export interface SignableTaskWhere {
  status: 'PENDING';
  level: { in: ApproverLevel[] };
  requestedById: { not: string };
  OR: [{ expiresAt: null }, { expiresAt: { gt: Date } }];
}

/** The same rule as `signableTasks`, for listing: pending, not past its deadline, not their own request, at or below their level (or only `level`). */
export function signableTaskWhere(signer: Signer, now: Date, level?: ApproverLevel): SignableTaskWhere {
  const levels = signableLevels(signer.approverLevel).filter((l) => level === undefined || l === level);
  return { status: 'PENDING', level: { in: levels }, requestedById: { not: signer.userId }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}
