import type { Db } from "../../db/client.ts";
import { enqueueJob } from "./queue.ts";

export interface PeriodicJob {
  type: string;
  everyMs: number;
  description: string;
}

/**
 * Work the runner does on a schedule. Each period becomes one job row keyed by type and slot
 * (`type@slotStart`), so however many runners schedule it, it runs once per period.
 */
export const PERIODIC_JOBS: readonly PeriodicJob[] = [
  { type: "approvals.expire", everyMs: 60_000, description: "Approval tasks past their deadline escalate one level or are auto-approved, per their rule" },
  { type: "compensation.overdue", everyMs: 5 * 60_000, description: "Manual compensation tasks past their due date open fallout cases" },
  { type: "reconciliation.run", everyMs: 15 * 60_000, description: "Reconciliation checks; findings are stored on the job and shown to OPS" },
];

/** Enqueues the current period's job of every periodic type (idempotent) and prunes old finished ones. */
export async function schedulePeriodicJobs(db: Db, now: Date, jobs: readonly PeriodicJob[] = PERIODIC_JOBS) {
  for (const p of jobs) {
    const slot = new Date(Math.floor(now.getTime() / p.everyMs) * p.everyMs);
    await enqueueJob(db, { type: p.type, key: `${p.type}@${slot.toISOString()}`, runAt: slot, maxAttempts: 1 });
  }
  await db.job.deleteMany({
    where: { type: { in: jobs.map((p) => p.type) }, status: { in: ["DONE", "FAILED"] }, completedAt: { lt: new Date(now.getTime() - 24 * 60 * 60_000) } },
  });
}
