// npm run worker: the job runner as its own process, for deployments that run the app with
// JOB_RUNNER=off (or want more runners). Any number of workers and app instances may share one
// PostgreSQL database: every job is claimed with a lease, so none runs twice.
//   npm run worker               run until SIGINT/SIGTERM
//   npm run worker -- --once     schedule periodic work, run everything due, exit
import { createDb } from "../lib/platform/db/client.ts";
import { env } from "../lib/platform/config/env.ts";
import { startRunnerLoop } from "../lib/platform/jobs/loop.ts";
import { drainJobs, runnerId } from "../lib/platform/jobs/runner.ts";
import { jobHandlers } from "../lib/platform/jobs/registry.ts";
import { schedulePeriodicJobs } from "../lib/platform/jobs/periodic.ts";
import { wiring } from "../lib/wiring.ts";

wiring();
const db = createDb();
const owner = runnerId("worker");
if (process.argv.includes("--once")) {
  try {
    await schedulePeriodicJobs(db, new Date());
    const result = await drainJobs(db, { owner, handlers: jobHandlers() });
    console.log(`[worker] ${owner}: ${result.claimed} job(s) run ${JSON.stringify(result.outcomes)}`);
  } finally {
    await db.$disconnect();
  }
} else {
  const loop = startRunnerLoop(db, { owner, intervalMs: env().JOB_RUNNER_INTERVAL_MS });
  console.log(`[worker] ${owner} running every ${env().JOB_RUNNER_INTERVAL_MS} ms; Ctrl-C to stop`);
  const stop = async () => {
    await loop.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
