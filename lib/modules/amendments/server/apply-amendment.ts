import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { DomainError } from "../../../platform/errors.ts";
import { recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { releaseHolds } from "../../orders/server/holds.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { assessAmendment } from "../domain/assess.ts";
import { isLineCommand, type ChangeCommand, type OrderDraft, type RawChange } from "../domain/change-command.ts";
import { cancelForChange } from "../../cancellations/server/linked-cancellation.ts";
import { resolveChanges } from "../domain/resolve-changes.ts";
import { canTransition, type AmendmentStatus } from "../domain/status.ts";
import { loadAmendable } from "./amendable-order.ts";
import { orderFieldColumns } from "../../orders/server/order-field-columns.ts";
import { loadSafetyPolicy } from "./safety-policy.ts";
import { AMENDMENT_HOLDER, notActive } from "./queries.ts";

type AmendmentRow = Awaited<ReturnType<Tx["amendmentRequest"]["findUniqueOrThrow"]>>;

export type ApplyOutcome = { status: "APPLIED" } | { status: "FAILED"; code: "ASSESSMENT_CHANGED"; reason: string };

const ref = (r: AmendmentRow) => ({ amendmentRequestId: r.id, number: r.number });

/** Moves the request on, compare-and-set on the status it had: two appliers never both win. */
async function transition(tx: Tx, r: AmendmentRow, to: AmendmentStatus, data: Record<string, unknown> = {}) {
  if (!canTransition(r.status as AmendmentStatus, to)) throw notActive(r.number, r.status, `it cannot become ${to.toLowerCase()}`);
  const { count } = await tx.amendmentRequest.updateMany({ where: { id: r.id, status: r.status }, data: { status: to, ...data } });
  if (count !== 1) throw new DomainError("CONFLICT", `Amendment ${r.number} changed meanwhile; read it again`);
}

/**
 * What applies today: the delivery fields, and quantity decreases (run by the cancellation engine).
 * Increases, substitutions and price changes need a charge or a new line and are refused at create.
 */
export function appliesInPlace(commands: readonly ChangeCommand[], draft: OrderDraft): boolean {
  return commands.every((c) => !isLineCommand(c) || (c.kind === "ChangeLineQuantity" && (draft.lines[c.orderLineId]?.addUnits ?? 0) === 0));
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
 * Applies a stored amendment under the order lock. It is assessed again against the order as it
 * is now; a fingerprint that no longer matches (the order moved on since the assessment: its
 * version is part of the fingerprint) fails the request (ASSESSMENT_CHANGED) and changes nothing
 * else. Then the new values are written, all of them or none, with the old ones kept in history.
 */
export async function applyAmendmentInTx(
  tx: Tx,
  actor: Actor,
  order: LockedOrder,
  r: AmendmentRow,
  storeIds: readonly string[],
): Promise<ApplyOutcome> {
  const changes = r.changes as unknown as RawChange[];
  // In step: assessed again as of the version the fingerprint names; out of step: as of now, which cannot match.
  const version = r.ownVersion === order.version ? r.orderVersion : order.version;
  const loaded = await loadAmendable(tx, actor, order.id, { row: order, version });
  const { matrix } = await loadSafetyPolicy(tx);
  const again = assessAmendment({ order: loaded.amendable, changes, tenders: loaded.tenders, orderRefundedTotal: loaded.orderRefundedTotal, matrix });
  const resolved = resolveChanges(loaded.amendable, changes);
  if (!again.ok || !resolved.ok || again.assessment.fingerprint !== r.fingerprint) {
    const reason = "The order changed since the amendment was assessed; request it again";
    await failAmendment(tx, actor, order, r, "ASSESSMENT_CHANGED", reason, storeIds);
    return { status: "FAILED", code: "ASSESSMENT_CHANGED", reason };
  }
  if (!appliesInPlace(resolved.commands, resolved.draft)) throw new DomainError("CONFLICT", `Amendment ${r.number} changes order lines in a way this server cannot apply yet`);
  await tx.order.update({ where: { id: order.id }, data: orderFieldColumns(resolved.draft) });
  await transition(tx, r, "APPLYING");
  const linked = await cancelDecreases(tx, actor, order, r, resolved.draft);
  await transition(tx, { ...r, status: "APPLYING" }, "APPLIED", { appliedAt: new Date(), cancellationRequestId: linked?.id ?? null });
  await releaseHolds(tx, { type: AMENDMENT_HOLDER, id: r.id });
  const applied = again.assessment.changes.map((c) => ({ path: c.path, command: c.command, oldValue: c.oldValue, newValue: c.newValue }));
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: "AMENDMENT_APPLIED",
      description: `Amendment ${r.number} applied: ${applied.map((c) => c.path).join(", ")}`,
      data: { ...ref(r), changes: applied },
      stores: sameForStores(storeIds),
    },
    [{ type: "OrderAmendmentApplied", payload: { ...ref(r), changes: applied } }],
  );
  return { status: "APPLIED" };
}
