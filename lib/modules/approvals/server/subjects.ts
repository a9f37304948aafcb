import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { ApproverLevel } from "../../../platform/auth/levels.ts";
import type { LockedOrder } from "../../orders/server/order-command.ts";

/** A subject locked for a decision: its order is claimed (so decisions on one subject serialise). */
export interface LockedSubject {
  order: LockedOrder;
  id: string;
  /** e.g. "cancellation CX-000012" */
  label: string;
  /** Still waiting for approvals. */
  pending: boolean;
  status: string;
  /** The stores the subject concerns: its history entries are part of these stores' view. */
  storeIds: readonly string[];
}

/**
 * What the approval engine needs from each kind of thing it approves. The engine knows no subject
 * of its own: cancellations register theirs (lib/modules/cancellations/server/approval-subject.ts) through
 * lib/wiring.ts; amendments and supplemental orders add one there and reuse the tasks, decisions,
 * expiry and queue unchanged.
 */
export interface ApprovalSubjectHandler {
  lock(tx: Tx, actor: Actor, subjectId: string): Promise<LockedSubject>;
  /** Every task is approved: the subject proceeds (in the same transaction). */
  approved(tx: Tx, actor: Actor, subject: LockedSubject): Promise<void>;
  /** One task was rejected, or expired with nobody left to ask: the subject ends. */
  ended(tx: Tx, actor: Actor, subject: LockedSubject, outcome: "REJECTED" | "EXPIRED", comment: string, level?: ApproverLevel): Promise<void>;
  /** Work that must happen after commit (e.g. paying a refund through the gateway). */
  afterCommit?(db: Db, actor: Actor, subjectId: string): Promise<void>;
  /** The subject's status now (e.g. PENDING_APPROVAL, COMPLETED, REJECTED). */
  statusOf(db: Db, subjectId: string): Promise<string>;
}

// Per process, on globalThis: Next.js may load this module more than once (see jobs/registry.ts).
const slot = globalThis as unknown as { countermandApprovalSubjects?: Record<string, ApprovalSubjectHandler> };

/** Adds (or replaces) what the engine does for one kind of subject; the composition root (lib/wiring.ts) registers them. */
export function registerApprovalSubject(subjectType: string, handler: ApprovalSubjectHandler): void {
  slot.countermandApprovalSubjects = { ...slot.countermandApprovalSubjects, [subjectType]: handler };
}

export function subjectHandler(subjectType: string): ApprovalSubjectHandler {
  const h = slot.countermandApprovalSubjects?.[subjectType];
  if (!h) throw new Error(`No approval handler for subject type ${subjectType}: is it registered in lib/wiring.ts, and has wiring() run?`);
  return h;
}
