import { formatMoney } from "../../../platform/money/money.ts";
import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { DomainError } from "../../../platform/errors.ts";
import { recordOrderCommand, refreshStatuses, type LockedOrder } from "../../orders/server/order-command.ts";
import { releaseHolds } from "../../orders/server/holds.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { assessAmendment, type AmendmentAssessment } from "../domain/assess.ts";
import type { OrderDraft, RawChange } from "../domain/change-command.ts";
import { cancelForChange } from "../../cancellations/server/linked-cancellation.ts";
import { resolveChanges } from "../domain/resolve-changes.ts";
import { canTransition, type AmendmentStatus } from "../domain/status.ts";
import { loadAmendable } from "./amendable-order.ts";
import { orderFieldColumns } from "../../orders/server/order-field-columns.ts";
import { loadSafetyPolicy } from "./safety-policy.ts";
import { AMENDMENT_CAUSE, AMENDMENT_HOLDER, notActive } from "./queries.ts";
import { recordChargeOwed } from "../../compensation/server/charges.ts";
import { enqueueCompensationJob } from "../../compensation/server/compensation-job.ts";
import { applyLineChanges } from "./apply-lines.ts";
import { createReplanningTasks, recordAmendmentRefund } from "./amendment-tasks.ts";
import { handOverDecreasedLines, holdWhileCharging } from "./line-holds.ts";

export type AmendmentRow = Awaited<ReturnType<Tx["amendmentRequest"]["findUniqueOrThrow"]>>;

export type ApplyOutcome = { status: "APPLIED" | "APPLYING" } | { status: "FAILED"; code: "ASSESSMENT_CHANGED"; reason: string };

const ref = (r: AmendmentRow) => ({ amendmentRequestId: r.id, number: r.number });

/** Moves the request on, compare-and-set on the status it had: two appliers never both win. */
export async function transition(tx: Tx, r: AmendmentRow, to: AmendmentStatus, data: Record<string, unknown> = {}) {
  if (!canTransition(r.status as AmendmentStatus, to)) throw notActive(r.number, r.status, `it cannot become ${to.toLowerCase()}`);
  const { count } = await tx.amendmentRequest.updateMany({ where: { id: r.id, status: r.status }, data: { status: to, ...data } });
  if (count !== 1) throw new DomainError("CONFLICT", `Amendment ${r.number} changed meanwhile; read it again`);
}

/** A decrease is a linked cancellation request carrying the amendment's reason, executed now. */
async function cancelDecreases(tx: Tx, actor: Actor, order: LockedOrder, r: AmendmentRow, draft: OrderDraft) {
  const lines = Object.entries(draft.lines).flatMap(([orderLineId, d]) => (d.cancelUnits > 0 ? [{ orderLineId, quantity: d.cancelUnits }] : []));
  if (!lines.length) return null;
  return cancelForChange(tx, actor, order, { lines, reasonCode: r.reasonCode, reasonText: r.reasonText ?? `Amendment ${r.number}` });
}

/** The request fails as a whole; nothing of it was applied. Its holds are released. */
export async function failAmendment(tx: Tx, actor: Actor, order: LockedOrder, r: AmendmentRow, code: string, reason: string, storeIds: readonly string[]) {
  await transition(tx, r, "FAILED", { failureReason: reason, decidedAt: new Date() });
  await releaseHolds(tx, { type: AMENDMENT_HOLDER, id: r.id });
  await recordOrderCommand(
    tx,
    actor,
    order,
    { action: "AMENDMENT_FAILED", description: `Amendment ${r.number} failed: ${reason}`, data: { ...ref(r), code, reason }, stores: sameForStores(storeIds) },
    [{ type: "OrderAmendmentFailed", payload: { ...ref(r), code, reason } }],
  );
}

/**
 * The stored request assessed again against the order as it is now, as of `version` (the one its
 * fingerprint names when the order is in step with it, else the order's own — which cannot match).
 */
export async function reassess(tx: Tx, actor: Actor, order: LockedOrder, r: AmendmentRow, version: number) {
  const changes = r.changes as unknown as RawChange[];
  const loaded = await loadAmendable(tx, actor, order.id, { row: order, version });
  const { matrix } = await loadSafetyPolicy(tx);
  const again = assessAmendment({ order: loaded.amendable, changes, tenders: loaded.tenders, orderRefundedTotal: loaded.orderRefundedTotal, matrix });
  const resolved = resolveChanges(loaded.amendable, changes);
  if (!again.ok || !resolved.ok) return null;
  return { assessment: again.assessment, draft: resolved.draft };
}

export const ASSESSMENT_CHANGED_REASON = "The order changed since the amendment was assessed; request it again";

/**
 * Applies a stored amendment under the order lock. It is assessed again against the order as it
 * is now; a fingerprint that no longer matches (the order moved on since the assessment: its
 * version is part of the fingerprint) fails the request (ASSESSMENT_CHANGED) and changes nothing
 * else. Money first: an amendment that charges becomes APPLYING with its charge owed (collected by
 * the job runner, outside this transaction) and applies when the charge is collected; any other
 * applies now — all of its changes or none.
 */
export async function applyAmendmentInTx(tx: Tx, actor: Actor, order: LockedOrder, r: AmendmentRow, storeIds: readonly string[]): Promise<ApplyOutcome> {
  const checked = await reassess(tx, actor, order, r, r.ownVersion === order.version ? r.orderVersion : order.version);
  if (!checked || checked.assessment.fingerprint !== r.fingerprint) {
    await failAmendment(tx, actor, order, r, "ASSESSMENT_CHANGED", ASSESSMENT_CHANGED_REASON, storeIds);
    return { status: "FAILED", code: "ASSESSMENT_CHANGED", reason: ASSESSMENT_CHANGED_REASON };
  }
  await transition(tx, r, "APPLYING");
  const applying = { ...r, status: "APPLYING" };
  const { impact } = checked.assessment;
  if (impact.charge > 0) {
    await holdWhileCharging(tx, order.id, r, impact.lines.map((l) => l.orderLineId));
    const task = await recordChargeOwed(tx, order, { type: AMENDMENT_CAUSE, id: r.id }, impact.byTender);
    await enqueueCompensationJob(tx, task.id);
    const description = `Amendment ${r.number}: charging ${formatMoney(impact.charge, order.currency)} before it applies`;
    await recordOrderCommand(tx, actor, order, { action: "AMENDMENT_CHARGING", description, data: { ...ref(r), charge: impact.charge }, stores: sameForStores(storeIds) }, []);
    return { status: "APPLYING" };
  }
  await finishAmendment(tx, actor, order, applying, storeIds, checked);
  return { status: "APPLIED" };
}

/**
 * Writes an APPLYING amendment (its charge, if any, collected): the new field values, the lines'
 * changes (decreases through a linked cancellation first), the refund a lower price owes, the
 * replanning tasks, history with before/after per field, and OrderAmendmentApplied.
 */
export async function finishAmendment(tx: Tx, actor: Actor, order: LockedOrder, r: AmendmentRow, storeIds: readonly string[], checked: { assessment: AmendmentAssessment; draft: OrderDraft }) {
  const { assessment, draft } = checked;
  await tx.order.update({ where: { id: order.id }, data: orderFieldColumns(draft) });
  await handOverDecreasedLines(tx, r);
  const linked = await cancelDecreases(tx, actor, order, r, draft);
  const substituted = await applyLineChanges(tx, actor, order, r, draft, assessment.impact.lines, assessment.impact.charge > 0);
  await recordAmendmentRefund(tx, order, r, assessment.impact.refund > 0 ? assessment.impact.byTender : [], "refund");
  await createReplanningTasks(tx, order, r, assessment.impact.replanning);
  await refreshStatuses(tx, order);
  await transition(tx, r, "APPLIED", { appliedAt: new Date(), cancellationRequestId: linked?.id ?? null });
  await releaseHolds(tx, { type: AMENDMENT_HOLDER, id: r.id });
  const applied = assessment.changes.map((c) => ({ path: c.path, command: c.command, oldValue: c.oldValue, newValue: c.newValue }));
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: "AMENDMENT_APPLIED",
      description: `Amendment ${r.number} applied: ${applied.map((c) => c.path).join(", ")}`,
      data: { ...ref(r), changes: applied, charge: assessment.impact.charge, refund: assessment.impact.refund, substituted },
      stores: sameForStores(storeIds),
    },
    [{ type: "OrderAmendmentApplied", payload: { ...ref(r), changes: applied } }],
  );
}
