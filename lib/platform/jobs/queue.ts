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
  /** The caller knows no job has this key yet (e.g. its task was created in this transaction): no look-up first. */
  knownNew?: boolean;
}

/** A job created already claimed by the command that enqueued it (the fast path runs it after commit). */
export interface InlineJob {
  id: string;
  type: string;
  key: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  /** The lease owner: this command's own runner identity. */
  owner: string;
}

const inlineClaims = new WeakMap<object, { owner: string; leaseMs: number; jobs: InlineJob[] }>();

/**
 * From here on, the jobs `tx` enqueues are created claimed — RUNNING, leased for `leaseMs` to
 * `owner`, attempt 1 recorded — in the same transaction, so the command that made them runs them
 * right after commit without claiming them again (`jobsClaimedIn`). If it never gets to (the process
 * died), the lease runs out and any runner takes the job over, as after any runner's crash.
 */
export function claimEnqueuedJobs(tx: object, owner: string, leaseMs: number): void {
  if (!inlineClaims.has(tx)) inlineClaims.set(tx, { owner, leaseMs, jobs: [] });
}

/** The jobs `tx` created claimed (see claimEnqueuedJobs), to run once it has committed. */
export function jobsClaimedIn(tx: object): InlineJob[] {
  return [...(inlineClaims.get(tx)?.jobs ?? [])];
}

/**
 * Adds a job unless one with the same key exists (inside the caller's transaction, so the work is
 * recorded atomically with the change that needs it). Returns the job's id.
 */
export async function enqueueJob(tx: Tx | Db, input: EnqueueInput): Promise<string> {
  if (!input.knownNew) {
    const existing = await tx.job.findUnique({ where: { key: input.key }, select: { id: true } });
    if (existing) return existing.id;
  }
  const now = new Date();
  const claim = inlineClaims.get(tx);
  const payload = (input.payload ?? {}) as object;
  const maxAttempts = input.maxAttempts ?? 5;
  const lease = claim && { status: "RUNNING", leaseOwner: claim.owner, leaseExpiresAt: new Date(now.getTime() + claim.leaseMs), attempts: 1 };
  const row = await tx.job.create({
    data: { type: input.type, key: input.key, payload, runAt: input.runAt ?? now, maxAttempts, ...lease },
    select: { id: true },
  });
  if (claim) {
    await tx.jobAttempt.create({ data: { jobId: row.id, attempt: 1, owner: claim.owner, startedAt: now } });
    claim.jobs.push({ id: row.id, type: input.type, key: input.key, payload, attempts: 1, maxAttempts, owner: claim.owner });
  }
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
