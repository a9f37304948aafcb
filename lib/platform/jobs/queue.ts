import type { Db, Tx } from "../db/client.ts";

/** Job statuses: READY (waiting for runAt), RUNNING (leased), DONE, FAILED (attempts exhausted or permanent). */
export type JobStatus = "READY" | "RUNNING" | "DONE" | "FAILED";

export interface EnqueueInput {
  type: string;
  /** Unique per piece of work: enqueueing the same key again changes nothing. */
  key: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Adds a job unless one with the same key exists (inside the caller's transaction, so the work is
 * recorded atomically with the change that needs it). Returns the job's id.
 */
export async function enqueueJob(tx: Tx | Db, input: EnqueueInput): Promise<string> {
  const existing = await tx.job.findUnique({ where: { key: input.key }, select: { id: true } });
  if (existing) return existing.id;
  const row = await tx.job.create({
    data: {
      type: input.type,
      key: input.key,
      payload: (input.payload ?? {}) as object,
      runAt: input.runAt ?? new Date(),
      maxAttempts: input.maxAttempts ?? 5,
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * Gives the job of `key` a fresh round of `extraAttempts` attempts, due at `runAt` — unless a
 * runner holds it right now (its outcome stands). Returns what it found.
 */
export async function rearmJob(tx: Tx | Db, key: string, input: { runAt: Date; extraAttempts: number }): Promise<"REARMED" | "RUNNING" | "MISSING"> {
  const job = await tx.job.findUnique({ where: { key }, select: { id: true, status: true, attempts: true } });
  if (!job) return "MISSING";
  if (job.status === "RUNNING") return "RUNNING";
  const { count } = await tx.job.updateMany({
    where: { id: job.id, attempts: job.attempts, status: { not: "RUNNING" } },
    data: { status: "READY", runAt: input.runAt, maxAttempts: job.attempts + input.extraAttempts, completedAt: null },
  });
  return count ? "REARMED" : "RUNNING";
}

/** Ends the job of `key` if it is waiting to run (READY), without running it: DONE or FAILED, with why. */
export async function closeWaitingJob(tx: Tx | Db, key: string, status: "DONE" | "FAILED", reason: string, now: Date): Promise<boolean> {
  const { count } = await tx.job.updateMany({ where: { key, status: "READY" }, data: { status, completedAt: now, lastError: reason } });
  return count === 1;
}

/** Delay before attempt `attempt + 1` after attempt `attempt` failed: base · 2^(attempt-1), capped. */
export function backoffMs(attempt: number, baseMs = 2_000, capMs = 5 * 60_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** A failure worth retrying later (the default for any error a handler throws). */
export class RetryLater extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryLater";
  }
}

/** A failure retrying cannot fix: the job goes FAILED at once and its exhaustion hook runs. */
export class PermanentFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentFailure";
  }
}
