import type { Db } from "../../../platform/db/client.ts";
import type { PaymentGateway } from "../../payments/server/gateway.ts";
import { runCompensationNow } from "../../cancellations/server/compensation-job.ts";
import { runCauseCompensationNow } from "../../compensation/server/compensation-job.ts";
import { AMENDMENT_CAUSE } from "./queries.ts";

/**
 * After commit, the money of an amendment moves now (the job runner retries what fails): its
 * charge is collected (which applies it), then the refund of its decrease (the linked
 * cancellation's) and its own refund (a lower price, or a charge it could not use) are paid.
 */
export async function payLinkedRefund(db: Db, amendmentId: string, gateway?: PaymentGateway) {
  const cause = { type: AMENDMENT_CAUSE, id: amendmentId };
  await runCauseCompensationNow(db, cause, { gateway });
  const r = await db.amendmentRequest.findUnique({ where: { id: amendmentId }, select: { cancellationRequestId: true } });
  if (r?.cancellationRequestId) await runCompensationNow(db, r.cancellationRequestId, { gateway });
  // Refunds only: a charge that failed just now waits for the runner's retry.
  await runCauseCompensationNow(db, cause, { gateway, types: ["ISSUE_REFUND"] });
}
