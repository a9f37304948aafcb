import type { Db } from "../../../platform/db/client.ts";
import type { PaymentGateway } from "../../payments/server/gateway.ts";
import { runCompensationNow } from "../../cancellations/server/compensation-job.ts";

/** After commit: the refund of an applied amendment's decrease (its linked cancellation) goes out now; the job runner retries what fails. */
export async function payLinkedRefund(db: Db, amendmentId: string, gateway?: PaymentGateway) {
  const r = await db.amendmentRequest.findUnique({ where: { id: amendmentId }, select: { cancellationRequestId: true } });
  if (r?.cancellationRequestId) await runCompensationNow(db, r.cancellationRequestId, { gateway });
}
