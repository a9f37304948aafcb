import type { Db } from "../../db/client.ts";
import type { PaymentGateway } from "../payments/gateway.ts";
import { JOB_HANDLERS } from "./registry.ts";
import { runDueJobs, runnerId, type JobHandlers } from "./runner.ts";
import { schedulePeriodicJobs, PERIODIC_JOBS, type PeriodicJob } from "./periodic.ts";

export interface RunnerLoop {
  readonly owner: string;
  stop(): Promise<void>;
}

export interface LoopOptions {
  owner?: string;
  intervalMs?: number;
  now?: () => Date;
  handlers?: JobHandlers;
  periodic?: readonly PeriodicJob[];
  gateway?: PaymentGateway;
  onError?: (e: unknown) => void;
}

/**
 * The background runner: every `intervalMs` it schedules the periodic jobs of the current period
 * and runs whatever is due (until a pass finds nothing). Used in-process on the embedded default
 * (instrumentation.ts) and as its own process (`npm run worker`).
 */
export function startRunnerLoop(db: Db, options: LoopOptions = {}): RunnerLoop {
  const owner = options.owner ?? runnerId();
  const interval = options.intervalMs ?? 2_000;
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const pass = async () => {
    try {
      await schedulePeriodicJobs(db, now(), options.periodic ?? PERIODIC_JOBS);
      while (!stopped) {
        const r = await runDueJobs(db, { owner, now, handlers: options.handlers ?? JOB_HANDLERS, gateway: options.gateway });
        if (!r.claimed) break;
      }
    } catch (e) {
      (options.onError ?? ((err) => console.error(`[jobs] ${owner}:`, err)))(e);
    }
  };
  const tick = () => {
    if (stopped) return;
    current = pass().finally(() => {
      if (!stopped) timer = setTimeout(tick, interval);
    });
  };
  timer = setTimeout(tick, 0);
  return {
    owner,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
