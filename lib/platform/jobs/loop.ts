import type { Db } from "../db/client.ts";
import { jobHandlers, periodicJobs, type PeriodicJob } from "./registry.ts";
import { runDueJobs, runnerId, type JobHandlers, type JobServices } from "./runner.ts";
import { schedulePeriodicJobs } from "./periodic.ts";

export interface RunnerLoop {
  readonly owner: string;
  stop(): Promise<void>;
}

export interface LoopOptions extends JobServices {
  owner?: string;
  intervalMs?: number;
  now?: () => Date;
  /** Default: the registered ones (lib/platform/jobs/registry.ts). */
  handlers?: JobHandlers;
  periodic?: readonly PeriodicJob[];
  onError?: (e: unknown) => void;
}

/**
 * The background runner: every `intervalMs` it runs whatever is due (until a pass finds nothing),
 * after scheduling the periodic jobs of a period that has just begun. Used in-process on the embedded default
 * (instrumentation.ts) and as its own process (`npm run worker`).
 */
export function startRunnerLoop(db: Db, options: LoopOptions = {}): RunnerLoop {
  const owner = options.owner ?? runnerId();
  const { owner: _owner, intervalMs: _interval, now: _now, handlers: _handlers, periodic: _periodic, onError: _onError, ...services } = options;
  const interval = options.intervalMs ?? 2_000;
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  // Periodic jobs are scheduled once per period, not on every pass: until the earliest next period
  // starts there is nothing new to enqueue (and nothing new to prune).
  let nextPeriodAt = 0;
  const pass = async () => {
    try {
      const t = now();
      const periodic = options.periodic ?? periodicJobs();
      if (periodic.length && t.getTime() >= nextPeriodAt) {
        await schedulePeriodicJobs(db, t, periodic);
        nextPeriodAt = Math.min(...periodic.map((p) => (Math.floor(t.getTime() / p.everyMs) + 1) * p.everyMs));
      }
      while (!stopped) {
        const r = await runDueJobs(db, { owner, now, handlers: options.handlers ?? jobHandlers(), ...services });
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
