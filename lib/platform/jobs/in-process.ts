import { db } from "../db/client.ts";
import { env } from "../config/env.ts";
import { startRunnerLoop, type RunnerLoop } from "./loop.ts";
import { runnerId } from "./runner.ts";

const holder = globalThis as unknown as { countermandRunner?: RunnerLoop };

/**
 * Starts the job runner inside the app process (once per process; instrumentation.ts calls this on
 * server start) unless JOB_RUNNER=off, e.g. because `npm run worker` runs it separately. Several
 * app instances may each run one: leases keep them from running a job twice.
 */
export function startInProcessRunner(): RunnerLoop | null {
  const config = env();
  if (config.JOB_RUNNER === "off") return null;
  holder.countermandRunner ??= startRunnerLoop(db(), { owner: runnerId("app"), intervalMs: config.JOB_RUNNER_INTERVAL_MS });
  return holder.countermandRunner;
}
