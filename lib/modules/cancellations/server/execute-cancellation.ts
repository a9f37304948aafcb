import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { Assessment } from "../domain/assess.ts";
import { DEFAULT_STAGE_POLICY, inventoryAdjustmentFor } from "../domain/stage-policy.ts";
import { lineRefund, sumRefunds } from "../domain/line-refund.ts";
import { splitRefundAcrossTenders } from "../domain/tender-split.ts";
import { BUCKET_COLUMN, countsOfLine } from "../../orders/server/line-counts.ts";
import { recordOrderCommand, refreshStatuses, type LockedOrder } from "../../orders/server/order-command.ts";
import { releaseForLine } from "../../inventory/server/supply.ts";
import { WriteContention } from "../../../platform/db/tx.ts";
import { committedRefunds } from "./assessment.ts";
import { HELD_COLUMN, type HoldableStage } from "../../orders/server/holds.ts";
import { settleRequest } from "./settle-request.ts";
import { enqueueCompensationJob } from "./compensation-job.ts";
import { COMPENSATION_TRAITS, MANUAL_TASK_DUE_MS } from "../domain/compensation-traits.ts";
import type { DomainEvent } from "../../audit/server/audit.ts";

/**
 * Executes an approved (or approval-free) request inside the caller's transaction, with the order
 * already locked: moves the held units to CANCELLED, adjusts inventory by stage, records the
 * refunds owed per tender, creates the compensation tasks (unique per cause), releases the holds,
 * and re-derives statuses. Money leaves through the gateway in the job runner (compensation-job.ts),
 * run at once after commit by the caller and retried by the runner until it succeeds or falls out.
 */
export async function executeCancellation(tx: Tx, actor: Actor, order: LockedOrder, requestId: string) {
  const request = await tx.cancellationRequest.findUniqueOrThrow({ where: { id: requestId }, include: { lines: { include: { orderLine: true } } } });
  const assessment = request.assessment as unknown as Assessment;
  const cause = { type: "CancellationRequest", id: request.id };
  const events: DomainEvent[] = [];
  const lineRefunds = new Map<string, ReturnType<typeof lineRefund>>();

  for (const rl of request.lines) {
    const line = rl.orderLine;
    let alreadyCancelled = line.qtyCancelled;
    const moved: Record<string, number> = {};
    for (const [stage, column] of Object.entries(HELD_COLUMN) as [HoldableStage, (typeof HELD_COLUMN)[HoldableStage]][]) {
      const quantity = rl[column];
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
        events.push({ type: "InventoryAdjustedForCancellation", payload: { cancellationRequestId: request.id, orderLineId: line.id, stage, adjustment, quantity } });
      }
      moved[stage] = quantity;
    }
    const cancelled = Object.values(moved).reduce((a, b) => a + b, 0);
    const refund = lineRefund(line, alreadyCancelled, cancelled);
    alreadyCancelled += cancelled;
    lineRefunds.set(line.id, refund);
    await tx.cancellationRequestLine.update({
      where: { id: rl.id },
      data: {
        cancelledQuantity: cancelled,
        active: false,
        heldOpen: 0,
        heldAllocated: 0,
        heldReleased: 0,
        heldPicked: 0,
        heldPacked: 0,
        merchandise: refund.merchandise,
        tax: refund.tax,
        shipping: refund.shipping,
        discount: refund.discount,
        refundTotal: refund.total,
      },
    });
    events.push({
      type: "OrderLineCancellationProcessed",
      payload: { cancellationRequestId: request.id, orderLineId: line.id, cancelledQuantity: cancelled, byStage: moved, refund },
    });
  }

  // The tender split is computed now, against what the order has committed to refund so far, so
  // that successive requests split exactly like one request for everything would.
  const refund = sumRefunds([...lineRefunds.values()]);
  const { tenders, total: alreadyRefunded } = await committedRefunds(tx, order.id);
  const split = refund.total > 0 ? splitRefundAcrossTenders(tenders, alreadyRefunded, refund.total) : [];
  const orderTotal = tenders.reduce((n, t) => n + t.amount, 0);
  const type = alreadyRefunded + refund.total === orderTotal ? "FULL_REFUND" : "PARTIAL_REFUND";
  for (const part of split.filter((p) => p.amount > 0)) {
    const tender = tenders.find((t) => t.id === part.id)!;
    await tx.financialAdjustment.create({
      data: {
        causeKey: `${request.id}:refund:${part.id}`,
        orderId: order.id,
        cancellationRequestId: request.id,
        tenderId: part.id,
        tenderMethod: tender.method,
        type,
        refundMethod: request.refundMethod,
        amount: part.amount,
        netAmount: part.amount,
        status: "PENDING",
      },
    });
  }

  const stores = new Map(request.lines.map((rl) => [rl.orderLineId, rl.orderLine.storeId]));
  for (const item of assessment.compensation) {
    if (item.type === "CREATE_RETURN") continue; // shipped units go back through a return order, not here
    const isRefund = item.type === "ISSUE_REFUND";
    if (isRefund && refund.total === 0) continue;
    const automaticDone = item.type === "RELEASE_ALLOCATION"; // the inventory moved in this transaction
    const created = await tx.compensationTask.create({
      data: {
        causeKey: `${request.id}:${item.type}:${item.orderLineId ?? "order"}:${item.stage ?? "-"}`,
        orderId: order.id,
        cancellationRequestId: request.id,
        type: item.type,
        mode: item.mode,
        status: automaticDone ? "DONE" : "PENDING",
        orderLineId: item.orderLineId,
        storeId: item.orderLineId ? (stores.get(item.orderLineId) ?? null) : null,
        stage: item.stage,
        quantity: item.quantity,
        amount: isRefund ? refund.total : null,
        input: isRefund ? { byTender: split.map((p) => ({ tenderId: p.id, amount: p.amount })) } : { quantity: item.quantity, stage: item.stage },
        output: automaticDone ? { released: item.quantity } : undefined,
        completedAt: automaticDone ? new Date() : null,
        ...COMPENSATION_TRAITS[item.type],
        dueAt: item.mode === "MANUAL" ? new Date(Date.now() + MANUAL_TASK_DUE_MS) : null,
      },
    });
    // Automatic work still to do belongs to the job runner (which the caller also runs at once after commit).
    if (item.mode === "AUTOMATIC" && !automaticDone) await enqueueCompensationJob(tx, created.id);
  }

  await tx.cancellationRequest.update({ where: { id: request.id }, data: { status: "EXECUTING", refundTotal: refund.total } });
  const statuses = await refreshStatuses(tx, order);
  const unitsOf = (lines: typeof request.lines) => lines.reduce((n, rl) => n + Object.values(HELD_COLUMN).reduce((m, c) => m + rl[c], 0), 0);
  const describe = (lines: typeof request.lines, total: number) =>
    `Cancellation ${request.number}: ${unitsOf(lines)} unit(s) cancelled, refund ${total} ${order.currency} due`;
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: "CANCELLATION_EXECUTED",
      oldStatus: statuses.oldStatus,
      newStatus: statuses.newStatus,
      description: describe(request.lines, refund.total),
      data: { cancellationRequestId: request.id, refund, byTender: split },
      // Each store reads its lines' units and refund share; the split across tenders is the order's.
      stores: [...new Set(request.lines.map((rl) => rl.orderLine.storeId))].map((storeId) => {
        const lines = request.lines.filter((rl) => rl.orderLine.storeId === storeId);
        const share = sumRefunds(lines.map((rl) => lineRefunds.get(rl.orderLineId)!));
        return { storeId, description: describe(lines, share.total), data: { cancellationRequestId: request.id, refund: share }, ...statuses.ofStore(storeId) };
      }),
    },
    [
      ...events,
      ...(statuses.oldStatus !== statuses.newStatus ? [{ type: "OrderStatusChanged" as const, payload: { oldStatus: statuses.oldStatus, newStatus: statuses.newStatus } }] : []),
    ],
  );
  await settleRequest(tx, actor, order, request.id);
}
