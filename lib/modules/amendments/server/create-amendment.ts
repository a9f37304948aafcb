import type { Db, Tx } from "../../../platform/db/client.ts";
import { assertReasonCode } from "../../orders/server/reason-codes.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel, authorize } from "../../../platform/auth/actor.ts";
import { DomainError } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { nextNumber } from "../../../platform/db/numbers.ts";
import { lockOrder, recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { orderCancelWhere } from "../../orders/server/scope.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { createApprovalTasks } from "../../approvals/server/tasks.ts";
import type { AmendmentViewT, CreateAmendmentRequestInput } from "../contracts/amendments.ts";
import { loadAmendable, type LoadedOrder } from "./amendable-order.ts";
import { assessAmendmentForActor, type ActorAssessment } from "./assess-for-actor.ts";
import { previewView } from "./preview.ts";
import { storedAmendmentAssessment } from "../contracts/stored-assessment.ts";
import { applyAmendmentInTx } from "./apply-amendment.ts";
import { AMENDMENT_SUBJECT, amendmentViewFor } from "./queries.ts";
import { payLinkedRefund } from "./linked-refund.ts";
import { holdChangedLines } from "./line-holds.ts";
import type { PaymentGateway } from "../../payments/server/gateway.ts";

/** BLOCKED refuses the whole request; the problem body carries the assessment so the caller sees why. */
function assertNotBlocked(a: ActorAssessment) {
  if (a.feasibility !== "BLOCKED") return;
  const view = previewView(a);
  throw new DomainError("AMENDMENT_BLOCKED", a.blockers.map((b) => b.message).join("; ") || "The safety matrix refuses this amendment", {
    assessment: view.assessment,
    changes: view.changes,
  });
}

/** The stores an amendment reaches: all of the order's for an order-level change, else the changed lines' stores. */
function reachedStores(loaded: LoadedOrder, a: ActorAssessment): string[] {
  const orderLevel = a.changes.some((c) => c.orderLineId === null);
  const lineIds = new Set(a.changes.map((c) => c.orderLineId));
  return [...new Set(loaded.lines.filter((l) => orderLevel || lineIds.has(l.id)).map((l) => l.storeId))];
}

async function storeRequest(tx: Tx, actor: Actor, order: LockedOrder, input: CreateAmendmentRequestInput, a: ActorAssessment, storeIds: string[]) {
  const number = await nextNumber(tx, "amendment", "AM-");
  const request = await tx.amendmentRequest.create({
    data: {
      number,
      orderId: order.id,
      reasonCode: input.reasonCode,
      reasonText: input.reasonText ?? null,
      status: a.requiredApprovals.length ? "REQUIRES_APPROVAL" : "REQUESTED",
      feasibility: a.feasibility,
      applyNow: input.applyNow,
      requestedById: actor.userId,
      requestedByLabel: actorLabel(actor),
      orderVersion: order.version,
      ownVersion: order.version,
      fingerprint: a.fingerprint,
      changes: JSON.parse(JSON.stringify(input.changes)) as object,
      assessment: storedAmendmentAssessment(previewView(a)),
      charge: a.impact.charge,
      refund: a.impact.refund,
      stores: { create: storeIds.map((storeId) => ({ storeId })) },
    },
  });
  const ref = { amendmentRequestId: request.id, number };
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: "AMENDMENT_REQUESTED",
      description: `Amendment ${number} requested: ${a.changes.map((c) => c.path).join(", ")}${a.requiredApprovals.length ? `; needs ${a.requiredApprovals.map((r) => r.level).join(" + ")} approval` : ""}`,
      data: { ...ref, reasonCode: input.reasonCode, changes: input.changes, feasibility: a.feasibility },
      stores: sameForStores(storeIds),
    },
    [
      { type: "OrderAmendmentRequested", payload: { ...ref, reasonCode: input.reasonCode, changes: a.changes.map((c) => ({ path: c.path, command: c.command })) } },
      {
        type: "OrderAmendmentAssessed",
        payload: {
          ...ref,
          feasibility: a.feasibility,
          requiredApprovals: a.requiredApprovals.map((r) => ({ level: r.level, rule: r.rule })),
          charge: a.impact.charge,
          refund: a.impact.refund,
          fingerprint: a.fingerprint,
        },
      },
    ],
  );
  return request;
}

/**
 * Stores an amendment request with its assessment (SPEC §6): a stale oldValue (409 STALE_VALUE), a
 * BLOCKED change (409 AMENDMENT_BLOCKED) or a line held by another change (409) stores nothing.
 * Approvals come from the safety matrix and the approval rules; without any, and unless
 * `applyNow` is false, it applies in the same transaction.
 */
export async function createAmendmentRequest(
  db: Db,
  actor: Actor,
  orderId: string,
  input: CreateAmendmentRequestInput,
  options: { expectedVersion?: number; now?: Date; gateway?: PaymentGateway } = {},
): Promise<AmendmentViewT> {
  authorize(actor, "amendment.request");
  const requestId = await inTransaction(db, async (tx) => {
    await assertReasonCode(tx, input.reasonCode, "AMENDMENT", actor);
    const order = await lockOrder(tx, orderId, orderCancelWhere(actor), options.expectedVersion);
    const loaded = await loadAmendable(tx, actor, order.id, { row: order });
    const a = await assessAmendmentForActor(tx, actor, loaded, input.changes, options.now);
    assertNotBlocked(a);
    const storeIds = reachedStores(loaded, a);
    const request = await storeRequest(tx, actor, order, input, a, storeIds);
    await holdChangedLines(tx, loaded, a, request);
    if (a.requiredApprovals.length) {
      await createApprovalTasks(tx, { type: AMENDMENT_SUBJECT, id: request.id, orderId: order.id, requestedById: actor.userId }, a.requiredApprovals, { now: options.now });
    } else if (input.applyNow) {
      await applyAmendmentInTx(tx, actor, order, request, storeIds);
    }
    return request.id;
  });
  await payLinkedRefund(db, requestId, options.gateway);
  return amendmentViewFor(db, actor, orderId, requestId);
}
