import type { Db } from "../../db/client.ts";
import type { PaymentGateway } from "../payments/gateway.ts";
import { JOB_HANDLERS } from "./registry.ts";
import { compensationJobKey } from "../cancellations/compensation-job.ts";
import { runDueJobs, runnerId } from "./runner.ts";

/**
 * The fast path: right after a command commits, run the jobs it created (e.g. a refund) in the
 * same request, through the runner's claim/lease so a background runner that got there first wins
 * and nothing runs twice. Whatever fails here is retried by the background runner.
 */
export async function runJobsNow(db: Db, keys: string[], options: { gateway?: PaymentGateway; now?: () => Date } = {}) {
  if (!keys.length) return;
  // One pass, claiming the named jobs even though their runAt (a grace period, see
  // enqueueCompensationJob) has not come: a retry scheduled by a failure here waits for the runner.
  await runDueJobs(db, { handlers: JOB_HANDLERS, keys, early: true, owner: runnerId("inline"), gateway: options.gateway, now: options.now });
}

/** Runs the pending automatic compensation of a cancellation request now. */
export async function runCompensationNow(db: Db, requestId: string, options: { gateway?: PaymentGateway } = {}) {
  const tasks = await db.compensationTask.findMany({ where: { cancellationRequestId: requestId, mode: "AUTOMATIC", status: { in: ["PENDING", "FAILED"] } }, select: { id: true } });
  await runJobsNow(db, tasks.map((t) => compensationJobKey(t.id)), options);
}
