import type { Db } from "../db/client.ts";
import { jobHandlers } from "./registry.ts";
import { runClaimedJob, runDueJobs, runnerId, type JobServices } from "./runner.ts";
import type { InlineJob } from "./queue.ts";

/**
 * The fast path: right after a command commits, run the jobs it created (e.g. a refund) in the
 * same request, through the runner's claim/lease so a background runner that got there first wins
 * and nothing runs twice. Whatever fails here is retried by the background runner.
 */
export async function runJobsNow(db: Db, keys: string[], options: JobServices & { now?: () => Date } = {}) {
  if (!keys.length) return;
  // One pass, claiming the named jobs even though their runAt (a grace period the job's creator
  // chose) has not come: a retry scheduled by a failure here waits for the runner.
  await runDueJobs(db, { handlers: jobHandlers(), keys, early: true, owner: runnerId("inline"), ...options });
}

/** Runs jobs a command created already claimed (claimEnqueuedJobs), right after its commit, under their own lease. */
export async function runInlineJobs(db: Db, jobs: readonly InlineJob[], options: JobServices & { now?: () => Date } = {}) {
  for (const { owner, ...job } of jobs) await runClaimedJob(db, job, { handlers: jobHandlers(), owner, ...options });
}
