import { formatMoney } from "../../../platform/money/money.ts";
import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { parseStoredAssessment } from "../contracts/assessment.ts";
import { DEFAULT_STAGE_POLICY, inventoryAdjustmentFor } from "../domain/stage-policy.ts";
import { sumRefunds, zeroRefund } from "../domain/line-refund.ts";
import { BUCKET_COLUMN } from "../../orders/server/line-counts.ts";
import { recordOrderCommand, refreshStatuses, type LockedOrder } from "../../orders/server/order-command.ts";
import { releaseHolds, type HoldableStage } from "../../orders/server/holds.ts";
import { releaseForLine } from "../../inventory/server/supply.ts";
import { WriteContention } from "../../../platform/db/tx.ts";
import { settleCause } from "../../compensation/server/causes.ts";
import { cancellationCause } from "./cause.ts";
import { returnTaker } from "./return-taker.ts";
import { releaseClaims } from "../../orders/server/assets.ts";
import { countsOfLine } from "../../orders/server/line-counts.ts";
import { outstanding } from "../domain/select-units.ts";
import { assertAssessedMoneyHolds, carryOutPlan, recordRefundsOwed, type Execution, type RequestWithLines } from "./execution-plan.ts";

/**
 * Executes an approved (or approval-free) request inside the caller's transaction, with the order
 * already locked. It books exactly what the stored assessment says — the units per line and stage,
 * each line's refund and the split across tenders — after re-checking that the money still comes
 * out the same against the order now (409, nothing changed, if it does not). It moves the held
 * units to CANCELLED, adjusts inventory by stage, records the refunds owed per tender, carries out
 * every plan item (compensation tasks, returns to start), releases the holds and re-derives
 * statuses. Money leaves through the gateway in the job runner (compensation module), run at once
 * after commit by the caller and retried by the runner until it succeeds or falls out.
 */
export async function executeCancellation(tx: Tx, actor: Actor, order: LockedOrder, requestId: string) {
  const request = await tx.cancellationRequest.findUniqueOrThrow({ where: { id: requestId }, include: { lines: { include: { orderLine: true } } } });
  // A stored assessment that does not parse stops the execution before the first write.
  const assessment = parseStoredAssessment(request.assessment, request);
  const committed = await assertAssessedMoneyHolds(tx, order, request, assessment);
  const run: Execution = { tx, actor, order, request, assessment, committed, cause: cancellationCause(request.id), events: [], history: [], returns: [] };
  for (const rl of request.lines) await cancelLineUnits(run, rl);
  // A line with nothing left to deliver no longer modifies an asset: its claims end.
  const ended = await tx.orderLine.findMany({ where: { id: { in: request.lines.map((rl) => rl.orderLineId) } } });
  await releaseClaims(tx, ended.filter((l) => outstanding(countsOfLine(l)) === 0).map((l) => l.id));
  await recordRefundsOwed(run);
  await carryOutPlan(run);
  await releaseHolds(tx, run.cause);
  const taker = returnTaker();
  if (run.returns.length && taker) {
    await taker(tx, actor, order, { cancellationRequestId: request.id, reasonCode: request.reasonCode, reasonText: request.reasonText ?? `Cancellation ${request.number}`, lines: run.returns });
  }
  await tx.cancellationRequest.update({ where: { id: request.id }, data: { status: "EXECUTING" } });
  await recordExecuted(run);
  await settleCause(tx, actor, order, run.cause);
}

/** Moves the line's assessed units, stage by stage, to CANCELLED (ledger, inventory) and records what moved. */
async function cancelLineUnits(run: Execution, rl: RequestWithLines["lines"][number]) {
  const { tx, actor, order, request, cause } = run;
  const line = rl.orderLine;
  const impact = run.assessment.lines.find((l) => l.orderLineId === line.id);
  const moved: Partial<Record<HoldableStage, number>> = {};
  for (const [stage, quantity] of Object.entries(impact?.byStage ?? {}) as [HoldableStage, number][]) {
    if (!quantity) continue;
    const { count } = await tx.orderLine.updateMany({
      where: { id: line.id, [BUCKET_COLUMN[stage]]: { gte: quantity } },
      data: { [BUCKET_COLUMN[stage]]: { decrement: quantity }, qtyCancelled: { increment: quantity } },
    });
    // Holds keep fulfilment off these units, so a miss means the data changed under us.
    if (count !== 1) throw new WriteContention(`order line ${line.id} (${stage})`);
    await tx.quantityLedgerEntry.create({
      data: {
        orderId: order.id,
        orderLineId: line.id,
        fromBucket: stage,
        toBucket: "CANCELLED",
        quantity,
        reason: `CANCELLED:${request.reasonCode}`,
        reference: request.number,
        causeType: cause.type,
        causeId: cause.id,
        actorId: actor.userId,
      },
    });
    const adjustment = inventoryAdjustmentFor(DEFAULT_STAGE_POLICY[stage], request.damaged);
    if (adjustment) {
      await releaseForLine(tx, actor, line, quantity, adjustment, cause);
      run.events.push({ type: "InventoryAdjustedForCancellation", payload: { cancellationRequestId: request.id, orderLineId: line.id, stage, adjustment, quantity } });
    }
    moved[stage] = quantity;
  }
  const cancelled = Object.values(moved).reduce((a, b) => a + b, 0);
  await tx.cancellationRequestLine.update({ where: { id: rl.id }, data: { cancelledQuantity: cancelled } });
  run.events.push({
    type: "OrderLineCancellationProcessed",
    payload: { cancellationRequestId: request.id, orderLineId: line.id, cancelledQuantity: cancelled, byStage: moved, refund: impact?.refund ?? zeroRefund() },
  });
}

/** The CANCELLATION_EXECUTED history entry (each store reads its lines' units and refund share) and the events gathered on the way. */
async function recordExecuted(run: Execution) {
  const { tx, actor, order, request, assessment } = run;
  const statuses = await refreshStatuses(tx, order);
  const impacts = (lines: RequestWithLines["lines"]) => assessment.lines.filter((l) => lines.some((rl) => rl.orderLineId === l.orderLineId));
  const unitsOf = (lines: RequestWithLines["lines"]) => impacts(lines).reduce((n, l) => n + l.cancelQuantity, 0);
  const describe = (lines: RequestWithLines["lines"], total: number) =>
    `Cancellation ${request.number}: ${unitsOf(lines)} unit(s) cancelled, refund ${formatMoney(total, order.currency)} due`;
  const { byTender, ...refund } = assessment.refund;
  const executed = {
    action: "CANCELLATION_EXECUTED",
    oldStatus: statuses.oldStatus,
    newStatus: statuses.newStatus,
    description: describe(request.lines, refund.total),
    data: { cancellationRequestId: request.id, refund, byTender: byTender.map((t) => ({ id: t.tenderId, amount: t.amount })) },
    // The split across tenders is the order's, not a store's.
    stores: [...new Set(request.lines.map((rl) => rl.orderLine.storeId))].map((storeId) => {
      const lines = request.lines.filter((rl) => rl.orderLine.storeId === storeId);
      const share = sumRefunds(impacts(lines).map((l) => l.refund));
      return { storeId, description: describe(lines, share.total), data: { cancellationRequestId: request.id, refund: share }, ...statuses.ofStore(storeId) };
    }),
  };
  await recordOrderCommand(tx, actor, order, [executed, ...run.history], [
    ...run.events,
    ...(statuses.oldStatus !== statuses.newStatus ? [{ type: "OrderStatusChanged" as const, payload: { oldStatus: statuses.oldStatus, newStatus: statuses.newStatus } }] : []),
  ]);
}
