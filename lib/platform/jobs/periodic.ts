import type { Db } from "../db/client.ts";
import { enqueueJob } from "./queue.ts";
import { periodicJobs, type PeriodicJob } from "./registry.ts";

/**
 * Enqueues the current period's job of every periodic type (idempotent) and prunes old finished
 * ones. Each period becomes one job row keyed by type and slot (`type@slotStart`), so however many
 * runners schedule it, it runs once per period. The types are registered by lib/wiring.ts.
 */
export async function schedulePeriodicJobs(db: Db, now: Date, jobs: readonly PeriodicJob[] = periodicJobs()) {
  for (const p of jobs) {
    const slot = new Date(Math.floor(now.getTime() / p.everyMs) * p.everyMs);
    await enqueueJob(db, { type: p.type, key: `${p.type}@${slot.toISOString()}`, runAt: slot, maxAttempts: 1 });
  }
  await db.job.deleteMany({
    where: { type: { in: jobs.map((p) => p.type) }, status: { in: ["DONE", "FAILED"] }, completedAt: { lt: new Date(now.getTime() - 24 * 60 * 60_000) } },
  });
}
