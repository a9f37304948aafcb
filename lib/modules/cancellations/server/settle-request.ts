import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { canTransition, deriveExecutionStatus, type CancellationRequestStatus } from "../domain/request-status.ts";
import type { CompensationMode } from "../domain/stage-policy.ts";
import type { CompensationTaskStatus } from "../domain/request-status.ts";
import { recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { requestStoreIds } from "./queries.ts";

/**
 * The request's status follows its compensation tasks: EXECUTING while any is open, FAILED if one
 * failed, else COMPLETED (PARTIALLY_COMPLETED when some units could only be returned, not cancelled).
 */
export async function settleRequest(tx: Tx, actor: Actor, order: LockedOrder, requestId: string) {
  const request = await tx.cancellationRequest.findUniqueOrThrow({ where: { id: requestId }, include: { compensationTasks: true, lines: true } });
  const from = request.status as CancellationRequestStatus;
  if (!["EXECUTING", "FAILED", "PARTIALLY_COMPLETED"].includes(from)) return from;
  // An abandoned step (OPS gave up on it, with a reason) means the request was only partly carried out.
  const abandoned = request.compensationTasks.some((t) => t.status === "CANCELLED" && (t.output as { abandoned?: boolean } | null)?.abandoned);
  const blocked = abandoned || request.lines.some((l) => l.blockedQuantity > 0);
  const to = deriveExecutionStatus(
    request.compensationTasks.map((t) => ({ status: t.status as CompensationTaskStatus, mode: t.mode as CompensationMode })),
    blocked,
  );
  const reason = request.compensationTasks.find((t) => t.status === "FAILED")?.lastError ?? "a compensation step failed";
  if (to === "FAILED" && from === "FAILED" && request.failureReason !== reason) {
    // Still failed, for a newer reason (a retry failed differently): show the latest one.
    await tx.cancellationRequest.update({ where: { id: request.id }, data: { failureReason: reason } });
  }
  if (to === from || !canTransition(from, to)) return from;
  const final = to === "COMPLETED" || to === "PARTIALLY_COMPLETED";
  await tx.cancellationRequest.update({
    where: { id: request.id },
    data: {
      status: to,
      completedAt: final ? new Date() : null,
      failureReason: to === "FAILED" ? reason : null,
    },
  });
  const type = final ? "CancellationCompleted" : to === "FAILED" ? "CancellationFailed" : "CancellationResumed";
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: `CANCELLATION_${to}`,
      description: `Cancellation ${request.number} is now ${to.toLowerCase().replaceAll("_", " ")}`,
      data: { cancellationRequestId: request.id, from, to },
      stores: sameForStores(await requestStoreIds(tx, request.id)),
    },
    [{ type, payload: { cancellationRequestId: request.id, from, to } }],
  );
  return to;
}
