// Expiry of approval tasks (SPEC §5): a task nobody decided in time is escalated one level up
// (SUPERVISOR → MANAGER → DIRECTOR → VP) or auto-approved, as its rule says. An escalating task
// that expires at VP has nobody left to ask and takes the rule's final behaviour.

import { APPROVER_LEVELS, type ApproverLevel } from '../../../platform/auth/levels.ts';
import type { OnExpiry, OnFinalExpiry } from './rules.ts';

/** The level above, or null at the top. */
export function nextLevel(level: ApproverLevel): ApproverLevel | null {
  const i = APPROVER_LEVELS.indexOf(level);
  if (i < 0) throw new RangeError(`Unknown approver level ${String(level)}`);
  return APPROVER_LEVELS[i + 1] ?? null;
}

export type ExpiryOutcome =
  | { kind: 'ESCALATE'; level: ApproverLevel }
  | { kind: 'AUTO_APPROVE' }
  /** Nobody approved in time: the subject (e.g. the cancellation request) expires. */
  | { kind: 'EXPIRE' };

export function expiryOutcome(level: ApproverLevel, rule: { onExpiry: OnExpiry; onFinalExpiry: OnFinalExpiry }): ExpiryOutcome {
  if (rule.onExpiry === 'AUTO_APPROVE') return { kind: 'AUTO_APPROVE' };
  const up = nextLevel(level);
  if (up) return { kind: 'ESCALATE', level: up };
  return rule.onFinalExpiry === 'AUTO_APPROVE' ? { kind: 'AUTO_APPROVE' } : { kind: 'EXPIRE' };
}

/** When a task created at `from` expires, or null for rules without expiry. */
export function expiresAt(from: Date, expiresAfterMinutes: number | null): Date | null {
  return expiresAfterMinutes === null ? null : new Date(from.getTime() + expiresAfterMinutes * 60_000);
}

/** A task whose deadline has passed can no longer be signed, even before the expiry job ran. */
export function isPastDeadline(task: { expiresAt: Date | null }, now: Date): boolean {
  return task.expiresAt !== null && task.expiresAt.getTime() <= now.getTime();
}
