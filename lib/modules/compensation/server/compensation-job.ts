import type { Db, Tx } from "../../../platform/db/client.ts";
import { REFUND_MAX_ATTEMPTS } from "../domain/settlement.ts";
import { paymentGateway, type PaymentGateway } from "../../payments/server/gateway.ts";
import { claimEnqueuedJobs, closeWaitingJob, enqueueJob, PermanentFailure, rearmJob, RetryLater } from "../../../platform/jobs/queue.ts";
import { runnerId, type JobHandler } from "../../../platform/jobs/runner.ts";
import { runJobsNow } from "../../../platform/jobs/run-now.ts";
import { systemActor } from "../../../platform/auth/system-actor.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { lockOrder } from "../../orders/server/order-command.ts";
import { openFalloutForTask } from "./task-fallout.ts";
import { runRefundTask } from "./refunds.ts";
import { COLLECT_CHARGE, runChargeTask } from "./charges.ts";
import { causeOf, causeWhere, settleCause, type Cause } from "./causes.ts";

export const COMPENSATION_JOB = "compensation.run";
export const compensationJobKey = (taskId: string) => `compensation:${taskId}`;

/**
 * How long the background runner leaves a new job to the request that created it: that request
 * runs it right after commit (the fast path); the runner takes over only if it did not (crash).
 */
export const INLINE_GRACE_MS = 10_000;

/**
 * How long a job its command created claimed (claimCompensationInline) stays that command's: it
 * runs it right after commit; past this, had the process died, any runner takes it over.
 */
export const INLINE_LEASE_MS = 60_000;

/** Records that an automatic compensation task must run (same transaction as the task). */
export function enqueueCompensationJob(tx: Tx, taskId: string, now = new Date(), options: { taskIsNew?: boolean } = {}) {
  return enqueueJob(tx, {
    type: COMPENSATION_JOB,
    key: compensationJobKey(taskId),
    payload: { taskId },
    runAt: new Date(now.getTime() + INLINE_GRACE_MS),
    maxAttempts: REFUND_MAX_ATTEMPTS,
    // A task created in this very transaction has no job yet: no look-up needed.
    knownNew: options.taskIsNew,
  });
}

/**
 * The compensation jobs this transaction enqueues are created claimed by the command, which runs
 * them once committed (`jobsClaimedIn` → `runInlineJobs`) — no claim round trip after commit.
 */
export function claimCompensationInline(tx: Tx) {
  claimEnqueuedJobs(tx, runnerId("inline"), INLINE_LEASE_MS);
}

/**
 * OPS retries a task: its job gets a fresh round of attempts, due after the grace period (or is
 * created if it never existed); a job running right now keeps running. Returns the job's key.
 */
export async function requeueCompensationJob(tx: Tx, taskId: string, now: Date): Promise<string> {
  const key = compensationJobKey(taskId);
  const found = await rearmJob(tx, key, { runAt: new Date(now.getTime() + INLINE_GRACE_MS), extraAttempts: REFUND_MAX_ATTEMPTS });
  if (found === "MISSING") await enqueueCompensationJob(tx, taskId, now);
  return key;
}

/** The task was settled by hand (done or abandoned): its job, if still waiting, will not run. */
export function closeCompensationJob(tx: Tx, taskId: string, status: "DONE" | "FAILED", reason: string, now: Date) {
  return closeWaitingJob(tx, compensationJobKey(taskId), status, reason, now);
}

/** Runs the pending automatic compensation of a cause now (the fast path after commit), or only the tasks of some types. */
export async function runCauseCompensationNow(db: Db, cause: Cause, options: { gateway?: PaymentGateway; types?: string[] } = {}) {
  const types = options.types ? { type: { in: options.types } } : {};
  const tasks = await db.compensationTask.findMany({ where: { ...causeWhere(cause), ...types, mode: "AUTOMATIC", status: { in: ["PENDING", "FAILED"] } }, select: { id: true } });
  await runJobsNow(db, tasks.map((t) => compensationJobKey(t.id)), { gateway: options.gateway });
}

/**
 * Executes one automatic compensation task — a refund, or a charge an amendment collects before it
 * applies. Idempotent: a task already DONE (or abandoned) is skipped, and the gateway is asked with
 * the same key every time. A failure is thrown back
 * to the runner, which retries with backoff; when attempts run out the task falls out to OPS.
 */
export const compensationJob: JobHandler = {
  async run(ctx, job) {
    const { taskId } = job.payload as { taskId: string };
    const task = await ctx.db.compensationTask.findUnique({ where: { id: taskId } });
    if (!task) throw new PermanentFailure(`compensation task ${taskId} does not exist`);
    if (task.status === "DONE" || task.status === "CANCELLED") return { skipped: task.status };
    const gateway = ctx.gateway ?? paymentGateway(ctx.db);
    if (task.mode === "AUTOMATIC" && task.type === COLLECT_CHARGE) {
      const charge = await runChargeTask(ctx.db, systemActor(), taskId, gateway);
      if (!charge.done && charge.retry) throw new RetryLater(charge.reason);
      return charge.done ? { charged: charge.charged } : { declined: charge.reason };
    }
    if (task.mode !== "AUTOMATIC" || task.type !== "ISSUE_REFUND") throw new PermanentFailure(`${task.type} is not a step the runner can do`);
    const run = await runRefundTask(ctx.db, systemActor(), task, gateway, ctx.now);
    if (!run.done) throw new RetryLater(run.failures.join("; "));
    return { refunded: run.refunded };
  },
  async onExhausted(ctx, job, error) {
    const { taskId } = job.payload as { taskId: string };
    const actor = systemActor();
    await inTransaction(ctx.db, async (tx) => {
      const task = await tx.compensationTask.findUnique({ where: { id: taskId } });
      if (!task || task.status === "DONE" || task.status === "CANCELLED") return;
      const order = await lockOrder(tx, task.orderId, {});
      await tx.compensationTask.update({ where: { id: task.id }, data: { status: "FAILED", lastError: error } });
      const label = task.type.toLowerCase().replaceAll("_", " ");
      await openFalloutForTask(tx, actor, order, task.id, `${label} failed after ${job.attempts} attempt(s): ${error}`, ctx.now);
      await settleCause(tx, actor, order, causeOf(task));
    });
  },
};
