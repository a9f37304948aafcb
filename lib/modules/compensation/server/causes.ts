import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { LockedOrder } from "../../orders/server/order-command.ts";
import {
  deriveSettlement,
  failureReasonOf,
  wasAbandoned,
  type CompensationMode,
  type CompensationTaskStatus,
  type Settlement,
} from "../domain/settlement.ts";

/** The change a compensation task, refund or fallout case belongs to, e.g. { type: "CancellationRequest", id }. */
export interface Cause {
  type: string;
  id: string;
}

/** The rows of one cause (compensation tasks, financial adjustments, fallout cases). */
export const causeWhere = (cause: Cause) => ({ causeType: cause.type, causeId: cause.id });
export const causeOf = (row: { causeType: string; causeId: string }): Cause => ({ type: row.causeType, id: row.causeId });

/**
 * What the compensation machinery needs from each kind of change it carries out. The machinery
 * (tasks, jobs, refunds, fallout, settling) knows no change of its own: cancellations register
 * theirs (lib/modules/cancellations/server/cancellation-cause.ts) through lib/wiring.ts;
 * amendments and returns add one there and reuse the rest unchanged.
 */
export interface CauseHandler {
  /** Business number and status of each cause, for task and fallout views. */
  describe(db: Db | Tx, ids: readonly string[]): Promise<Map<string, { number: string; status: string }>>;
  /** How history entries and events name the cause (the catalogued payloads name a cancellation or an amendment request). */
  ref(id: string): CauseRef;
  /** Some of the cause's units could not be handled in place (they were left to another change). */
  hasBlockedUnits(tx: Tx, id: string): Promise<boolean>;
  /** Records what the tasks say (status, failure reason, history, events), if the cause is being carried out; returns its status. */
  recordSettlement(tx: Tx, actor: Actor, order: LockedOrder, id: string, settlement: Settlement, failureReason: string): Promise<string>;
  /** Its refund (task `taskId`) is paid in full: books it on what it concerns (lines, sub-orders, itself), once. */
  refundPaid(tx: Tx, id: string, taskId: string): Promise<void>;
  /**
   * Its charge was collected in full (and booked on the tenders and the order): what was charged
   * for happens now, in the same transaction. Only causes that charge (amendments) have it.
   */
  chargeCollected?(tx: Tx, actor: Actor, order: LockedOrder, id: string): Promise<void>;
  /** Its charge was declined: nothing was charged, and what it was for does not happen. */
  chargeDeclined?(tx: Tx, actor: Actor, order: LockedOrder, id: string, reason: string): Promise<void>;
}

/** A cause as history and events name it: a cancellation request, or (then the cancellation id is null) an amendment request. */
export type CauseRef = { cancellationRequestId: string } | { cancellationRequestId: null; amendmentRequestId: string } | { cancellationRequestId: null; returnId: string } | { cancellationRequestId: null; supplementalOrderId: string };

// Per process, on globalThis: Next.js may load this module more than once (see jobs/registry.ts).
const slot = globalThis as unknown as { countermandCauseHandlers?: Record<string, CauseHandler> };

/** Adds (or replaces) what the machinery does for one kind of cause; the composition root (lib/wiring.ts) registers them. */
export function registerCauseHandler(causeType: string, handler: CauseHandler): void {
  slot.countermandCauseHandlers = { ...slot.countermandCauseHandlers, [causeType]: handler };
}

export function causeHandler(causeType: string): CauseHandler {
  const h = slot.countermandCauseHandlers?.[causeType];
  if (!h) throw new Error(`No compensation handler for cause type ${causeType}: is it registered in lib/wiring.ts, and has wiring() run?`);
  return h;
}

/**
 * The one settle step: every command that changes a cause's tasks (a task done or failed, a refund
 * run ending, a fallout case retried, resolved or abandoned, execution itself) calls this. It reads
 * the cause's tasks, derives where the change stands (EXECUTING while any is open, FAILED if one
 * failed, else COMPLETED — PARTIALLY_COMPLETED when units were blocked or a step abandoned) and
 * lets the cause's handler record it. Returns the cause's status.
 */
export async function settleCause(tx: Tx, actor: Actor, order: LockedOrder, cause: Cause): Promise<string> {
  const handler = causeHandler(cause.type);
  const tasks = await tx.compensationTask.findMany({ where: causeWhere(cause), orderBy: { createdAt: "asc" } });
  const blocked = tasks.some(wasAbandoned) || (await handler.hasBlockedUnits(tx, cause.id));
  const settlement = deriveSettlement(
    tasks.map((t) => ({ status: t.status as CompensationTaskStatus, mode: t.mode as CompensationMode })),
    blocked,
  );
  return handler.recordSettlement(tx, actor, order, cause.id, settlement, failureReasonOf(tasks));
}
