import type { Db } from "../../../platform/db/client.ts";
import type { PaymentGateway } from "../../payments/server/gateway.ts";
import { runCauseCompensationNow } from "../../compensation/server/compensation-job.ts";
import { cancellationCause } from "./cause.ts";

/** Runs a cancellation request's pending automatic compensation now (its refund, right after commit). */
export function runCompensationNow(db: Db, requestId: string, options: { gateway?: PaymentGateway } = {}) {
  return runCauseCompensationNow(db, cancellationCause(requestId), options);
}
