import type { Tx } from "../../../platform/db/client.ts";
import { assertLinesFree, placeHolds, releaseHolds, type LineHold } from "../../orders/server/holds.ts";
import { outstanding, selectUnits } from "../../cancellations/domain/select-units.ts";
import type { BucketCounts } from "../../orders/domain/buckets.ts";
import { countsOfLine } from "../../orders/server/line-counts.ts";
import type { ActorAssessment } from "./assess-for-actor.ts";
import type { LoadedOrder } from "./amendable-order.ts";
import { AMENDMENT_HOLDER } from "./queries.ts";
import { parseStoredAmendmentAssessment } from "../contracts/stored-assessment.ts";

/**
 * The units a pending line change holds: every unit of the line a cancellation could still take
 * in place, by stage (shipped and delivered units are not held; cancelled and returned are gone).
 */
export function pendingChangeUnits(counts: BucketCounts): LineHold["byStage"] {
  const left = outstanding(counts);
  if (left === 0) return {};
  const selected = selectUnits(counts, left);
  return selected.ok ? selected.takeByStage : {};
}

/**
 * SPEC §6: one active change request (amendment or cancellation) holds a line at a time. A line
 * the amendment changes that another active change holds is refused (409 CONFLICT naming the
 * holder), whether the amendment applies now or waits. One that waits (for approval, or stored
 * with `applyNow: false`) holds its changed lines, so fulfilment cannot move their units and no
 * other change request can take them, until it applies, fails, is withdrawn or is rejected.
 */
export async function holdChangedLines(
  tx: Tx,
  loaded: LoadedOrder,
  a: Pick<ActorAssessment, "changes">,
  request: { id: string; number: string; status: string; applyNow: boolean },
) {
  const changed = a.changes.flatMap((c) => (c.orderLineId === null ? [] : [{ orderLineId: c.orderLineId, index: c.index }]));
  if (!changed.length) return;
  await assertLinesFree(tx, changed.map((c) => c.orderLineId), (i) => `changes[${changed[i]!.index}].path`);
  const waits = request.status === "REQUIRES_APPROVAL" || !request.applyNow;
  if (!waits) return;
  const lineIds = new Set(changed.map((c) => c.orderLineId));
  const holds = loaded.lines
    .filter((l) => lineIds.has(l.id))
    .map((l) => ({ orderId: l.orderId, orderLineId: l.id, byStage: pendingChangeUnits(countsOfLine(l)) }));
  await placeHolds(tx, { type: AMENDMENT_HOLDER, id: request.id, number: request.number }, holds);
}

/**
 * As an amendment starts to apply, the lines it decreases pass to the change that carries the
 * decrease out (a linked cancellation request, which holds the units it cancels). Its other lines
 * stay held until the amendment is applied or fails.
 */
export async function handOverDecreasedLines(tx: Tx, request: { id: string; number: string; assessment: unknown }) {
  const { changes } = parseStoredAmendmentAssessment(request.assessment, request);
  const decreased = changes.flatMap((c) => (c.command === "ChangeLineQuantity" && c.direction === "DECREASE" && c.orderLineId ? [c.orderLineId] : []));
  if (decreased.length) await releaseHolds(tx, { type: AMENDMENT_HOLDER, id: request.id }, decreased);
}

/**
 * An amendment collecting its charge is still pending: it holds its changed lines (unless it holds
 * them already, having waited for approval), so no other change takes them before it applies.
 */
export async function holdWhileCharging(tx: Tx, orderId: string, request: { id: string; number: string }, lineIds: readonly string[]) {
  const own = await tx.orderLineHold.count({ where: { holderType: AMENDMENT_HOLDER, holderId: request.id, active: true } });
  if (own || !lineIds.length) return;
  const lines = await tx.orderLine.findMany({ where: { id: { in: [...lineIds] } } });
  const holds = lines.map((l) => ({ orderId, orderLineId: l.id, byStage: pendingChangeUnits(countsOfLine(l)) }));
  await placeHolds(tx, { type: AMENDMENT_HOLDER, id: request.id, number: request.number }, holds);
}
