import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import { backoffMs, PermanentFailure } from "./queue.ts";
import { logJobAttempt } from "../log.ts";

/**
 * Collaborators a caller hands through to the handlers (e.g. an injected payment gateway in tests
 * and drills). The runner knows none of them: each feature adds its own by declaration merging
 * (see lib/modules/payments/server/gateway.ts), so this module imports nothing above it.
 */
export interface JobServices {}

/** What a handler gets: the database, the runner's clock, which attempt this is, and the services passed in. */
export interface JobContext extends JobServices {
  db: Db;
  now: Date;
  owner: string;
  attempt: number;
  maxAttempts: number;
}

export interface JobRow {
  id: string;
  type: string;
  key: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

export interface JobHandler {
  /** Does the work; must be idempotent (a job whose runner died is run again). Returns a result to store. */
  run(ctx: JobContext, job: JobRow): Promise<unknown>;
  /** Called once when the job has failed for good (attempts exhausted or a PermanentFailure). */
  onExhausted?(ctx: JobContext, job: JobRow, error: string): Promise<void>;
}

export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface RunnerOptions extends JobServices {
  owner?: string;
  /** The clock; every decision (due, lease expiry, backoff) uses it, so tests can move time. */
  now?: () => Date;
  leaseMs?: number;
  /** How many jobs one pass claims. */
  batch?: number;
  handlers: JobHandlers;
  /** Only these job keys (the inline fast path runs just the jobs it created). */
  keys?: string[];
  /** Claim READY jobs of `keys` before their runAt (the fast path runs fresh jobs at once). */
  early?: boolean;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;

export function runnerId(label = "runner"): string {
  return `${label}@${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

const due = (now: Date, early = false) => ({
  OR: [
    early ? { status: "READY" } : { status: "READY", runAt: { lte: now } },
    { status: "RUNNING", leaseExpiresAt: { lt: now } },
  ],
});

/**
 * Claims up to `batch` due jobs with a lease. Each claim is one conditional UPDATE on the row as it
 * was read (same attempts count, still due), so of several runners racing for a job exactly one
 * wins; a RUNNING job whose lease expired (its runner died) is due again. Every claim records an
 * attempt row (unique per job and attempt number).
 */
export async function claimJobs(db: Db, options: Omit<RunnerOptions, "handlers"> & { owner: string }): Promise<JobRow[]> {
  const now = (options.now ?? (() => new Date()))();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const batch = options.batch ?? 10;
  const early = !!(options.early && options.keys);
  const candidates = await db.job.findMany({
    where: { AND: [due(now, early), options.keys ? { key: { in: options.keys } } : {}] },
    orderBy: [{ runAt: "asc" }, { id: "asc" }],
    take: batch * 3,
    select: { id: true, type: true, key: true, payload: true, attempts: true, maxAttempts: true, status: true },
  });
  const claimed: JobRow[] = [];
  for (const c of candidates) {
    if (claimed.length >= batch) break;
    const { count } = await db.job.updateMany({
      where: { AND: [{ id: c.id, attempts: c.attempts }, due(now, early)] },
      data: { status: "RUNNING", leaseOwner: options.owner, leaseExpiresAt: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
    });
    if (count !== 1) continue;
    if (c.status === "RUNNING") {
      await db.jobAttempt.updateMany({
        where: { jobId: c.id, attempt: c.attempts, outcome: null },
        data: { outcome: "LEASE_EXPIRED", finishedAt: now, error: "the runner holding the lease stopped before finishing" },
      });
    }
    await db.jobAttempt.create({ data: { jobId: c.id, attempt: c.attempts + 1, owner: options.owner, startedAt: now } });
    claimed.push({ id: c.id, type: c.type, key: c.key, payload: c.payload, attempts: c.attempts + 1, maxAttempts: c.maxAttempts });
  }
  return claimed;
}

export type JobOutcome = "SUCCEEDED" | "RETRY" | "FAILED" | "LEASE_LOST";

/**
 * Runs one claimed job and records the outcome — only while this runner still holds the lease
 * (conditional on owner and attempt): a runner that lost its lease cannot overwrite the result of
 * the one that took over. Failures are retried with exponential backoff up to maxAttempts; then
 * (or on a PermanentFailure) the job is FAILED and the handler's exhaustion hook runs.
 */
export async function runClaimedJob(db: Db, job: JobRow, options: RunnerOptions & { owner: string }): Promise<JobOutcome> {
  const started = performance.now();
  const { outcome, error } = await runAndRecord(db, job, options);
  const durationMs = Math.round(performance.now() - started);
  // Periodic jobs are keyed `type@slotStart` (periodic.ts).
  const periodic = job.key.startsWith(`${job.type}@`);
  logJobAttempt({ jobId: job.id, type: job.type, attempt: job.attempts, owner: options.owner, outcome, durationMs, error, periodic });
  return outcome;
}

async function runAndRecord(db: Db, job: JobRow, options: RunnerOptions & { owner: string }): Promise<{ outcome: JobOutcome; error: string | null }> {
  const clock = options.now ?? (() => new Date());
  const handler = options.handlers[job.type];
  const { owner, now: _clock, leaseMs: _lease, batch: _batch, handlers: _handlers, keys: _keys, early: _early, ...services } = options;
  const ctx: JobContext = { ...services, db, now: clock(), owner, attempt: job.attempts, maxAttempts: job.maxAttempts };
  const mine = { id: job.id, leaseOwner: options.owner, attempts: job.attempts, status: "RUNNING" };
  const finishAttempt = (outcome: JobOutcome, error: string | null, client: Pick<Db, "jobAttempt"> = db) =>
    client.jobAttempt.updateMany({ where: { jobId: job.id, attempt: job.attempts, outcome: null }, data: { outcome, error, finishedAt: clock() } });
  let error: unknown;
  let result: unknown;
  try {
    if (!handler) throw new PermanentFailure(`no handler for job type ${job.type}`);
    result = await handler.run(ctx, job);
  } catch (e) {
    error = e ?? new Error("unknown error");
  }
  const now = clock();
  if (error === undefined) {
    // The job and its attempt row end together: one commit.
    const outcome = await db.$transaction(async (tx) => {
      const { count } = await tx.job.updateMany({
        where: mine,
        data: { status: "DONE", completedAt: now, leaseOwner: null, leaseExpiresAt: null, lastError: null, result: (result ?? null) as object },
      });
      const outcome = count ? "SUCCEEDED" : "LEASE_LOST";
      await finishAttempt(outcome, null, tx);
      return outcome;
    });
    return { outcome, error: null };
  }
  const message = error instanceof Error ? error.message : String(error);
  const final = error instanceof PermanentFailure || job.attempts >= job.maxAttempts;
  const { count } = await db.job.updateMany({
    where: mine,
    data: final
      ? { status: "FAILED", completedAt: now, leaseOwner: null, leaseExpiresAt: null, lastError: message }
      : { status: "READY", runAt: new Date(now.getTime() + backoffMs(job.attempts)), leaseOwner: null, leaseExpiresAt: null, lastError: message },
  });
  if (!count) {
    await finishAttempt("LEASE_LOST", message);
    return { outcome: "LEASE_LOST", error: message };
  }
  await finishAttempt(final ? "FAILED" : "RETRY", message);
  if (final && handler?.onExhausted) await handler.onExhausted({ ...ctx, now }, job, message);
  return { outcome: final ? "FAILED" : "RETRY", error: message };
}

export interface PassResult {
  claimed: number;
  outcomes: Record<JobOutcome, number>;
}

/** One pass: claim due jobs and run them one after another. */
export async function runDueJobs(db: Db, options: RunnerOptions): Promise<PassResult> {
  const owner = options.owner ?? runnerId();
  const jobs = await claimJobs(db, { ...options, owner });
  const outcomes: Record<JobOutcome, number> = { SUCCEEDED: 0, RETRY: 0, FAILED: 0, LEASE_LOST: 0 };
  for (const job of jobs) outcomes[await runClaimedJob(db, job, { ...options, owner })]++;
  return { claimed: jobs.length, outcomes };
}

/** Passes until nothing is due (tests, the inline fast path, `npm run worker -- --once`). */
export async function drainJobs(db: Db, options: RunnerOptions): Promise<PassResult> {
  const total: PassResult = { claimed: 0, outcomes: { SUCCEEDED: 0, RETRY: 0, FAILED: 0, LEASE_LOST: 0 } };
  for (;;) {
    const pass = await runDueJobs(db, options);
    if (!pass.claimed) return total;
    total.claimed += pass.claimed;
    for (const k of Object.keys(pass.outcomes) as JobOutcome[]) total.outcomes[k] += pass.outcomes[k];
  }
}
