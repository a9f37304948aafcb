import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { enqueueJob } from "../../../platform/jobs/queue.ts";
import { runJobsNow } from "../../../platform/jobs/run-now.ts";

export const RECONCILIATION_JOB = "reconciliation.run";

/**
 * OPS asks for the periodic reconciliation now: one job of the periodic type, run at once through
 * the runner (so its findings are stored on the job like every scheduled run). Returns what it found.
 */
export async function runReconciliationNow(db: Db, actor: Actor, options: { now?: Date } = {}) {
  authorize(actor, "reconciliation.read");
  const now = options.now ?? new Date();
  const key = `${RECONCILIATION_JOB}@manual:${now.toISOString()}:${actor.userId ?? "system"}`;
  await enqueueJob(db, { type: RECONCILIATION_JOB, key, runAt: now, maxAttempts: 1 });
  await runJobsNow(db, [key], { now: () => now });
  const job = await db.job.findUniqueOrThrow({ where: { key }, select: { status: true, result: true, completedAt: true, lastError: true } });
  const found = (job.result as { findings?: unknown } | null)?.findings;
  return {
    done: job.status === "DONE",
    findings: Array.isArray(found) ? found.length : 0,
    completedAt: (job.completedAt ?? now).toISOString(),
    error: job.status === "DONE" ? null : (job.lastError ?? job.status),
  };
}
