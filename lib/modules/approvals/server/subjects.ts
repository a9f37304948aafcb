import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { ApproverLevel } from "../../../platform/auth/levels.ts";
import type { LockedOrder } from "../../orders/server/order-command.ts";
import type { EventType } from "../../audit/contracts/events.ts";
import type { PaymentGateway } from "../../payments/server/gateway.ts";

/** What a decision is about: a subject of a registered type; `orderId`, when given, must be its order (else 404). */
export interface SubjectRef {
  type: string;
  id: string;
  orderId?: string;
}

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
  /** Who asked for it: they never sign it. */
  requestedById: string;
}

/** One subject as the approver's queue shows it, next to the task's level and deadline. */
export interface SubjectSummary {
  /** e.g. "Cancellation CX-000012" */
  label: string;
  /** The subject's own number, e.g. CX-000012. */
  number: string;
  orderId: string;
  /** Codes of the stores the subject concerns. */
  stores: string[];
  /** The money the subject moves (e.g. a cancellation's refund), in the order currency's minor units. */
  amount: number;
  requestedBy: string;
  reasonCode: string;
}

/** Work after commit may need the gateway the caller chose (tests inject a failing one). */
export interface AfterCommitOptions {
  gateway?: PaymentGateway;
}

/**
 * What the approval engine needs from each kind of thing it approves. The engine knows no subject
 * of its own: cancellations register theirs (lib/modules/cancellations/server/approval-subject.ts) through
 * lib/wiring.ts; amendments and supplemental orders add one there and reuse the tasks, decisions,
 * expiry and queue unchanged.
 */
export interface ApprovalSubjectHandler {
  /**
   * Claims the subject's order (pinned to `expectedVersion`, the caller's If-Match) and reads the
   * subject, if the actor reaches it (else 404) and it belongs to `ref.orderId` when given.
   */
  lock(tx: Tx, actor: Actor, ref: { id: string; orderId?: string }, expectedVersion?: number): Promise<LockedSubject>;
  /** The outbox event an approver's decision writes for this kind of subject (from the catalog; payload: DecisionRef). */
  decisionEvents: { approved: EventType; rejected: EventType };
  /** Every task is approved: the subject proceeds (in the same transaction). */
  approved(tx: Tx, actor: Actor, subject: LockedSubject): Promise<void>;
  /**
   * One task was rejected, or expired with nobody left to ask: the subject ends. The engine has
   * recorded a rejection already; an expiry is the subject's to record.
   */
  ended(tx: Tx, actor: Actor, subject: LockedSubject, outcome: "REJECTED" | "EXPIRED", comment: string, level?: ApproverLevel): Promise<void>;
  /** Work that must happen after commit once the subject is approved (e.g. paying a refund through the gateway). */
  afterCommit?(db: Db, actor: Actor, subjectId: string, options: AfterCommitOptions): Promise<void>;
  /** The subject's status now (e.g. PENDING_APPROVAL, COMPLETED, REJECTED). */
  statusOf(db: Db, subjectId: string): Promise<string>;
  /** The queue's summary of each of these subjects (missing ones are left out). */
  summaries(db: Db, subjectIds: readonly string[]): Promise<Map<string, SubjectSummary>>;
}

// Per process, on globalThis: Next.js may load this module more than once (see jobs/registry.ts).
const slot = globalThis as unknown as { countermandApprovalSubjects?: Record<string, ApprovalSubjectHandler> };

/** Adds (or replaces) what the engine does for one kind of subject; the composition root (lib/wiring.ts) registers them. */
export function registerApprovalSubject(subjectType: string, handler: ApprovalSubjectHandler): void {
  slot.countermandApprovalSubjects = { ...slot.countermandApprovalSubjects, [subjectType]: handler };
}

/** Every registered subject type: the queue lists tasks of these. */
export function subjectTypes(): string[] {
  return Object.keys(slot.countermandApprovalSubjects ?? {});
}

export function subjectHandler(subjectType: string): ApprovalSubjectHandler {
  const h = slot.countermandApprovalSubjects?.[subjectType];
  if (!h) throw new Error(`No approval handler for subject type ${subjectType}: is it registered in lib/wiring.ts, and has wiring() run?`);
  return h;
}
