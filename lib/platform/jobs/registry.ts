import type { JobHandler, JobHandlers } from "./runner.ts";

/** Work the runner does on a schedule: one job of `type` per period of `everyMs` (see periodic.ts). */
export interface PeriodicJob {
  type: string;
  everyMs: number;
  description: string;
}

/**
 * Which handler runs each job type, and which types run on a schedule. The jobs module knows no job
 * type of its own: the composition root (lib/wiring.ts) registers the features' handlers once per
 * process, and the loop, the worker and the fast path look them up here. The tables live on
 * globalThis because Next.js may load this module more than once per process (instrumentation and
 * each route are separate entries).
 */
const slot = globalThis as unknown as { countermandJobHandlers?: Record<string, JobHandler>; countermandPeriodicJobs?: readonly PeriodicJob[] };

/** Adds (or replaces) the handlers of these job types, and of those the ones that run on a schedule. */
export function registerJobHandlers(handlers: JobHandlers, periodic: readonly PeriodicJob[] = []): void {
  for (const p of periodic) if (!handlers[p.type]) throw new Error(`periodic job ${p.type} has no handler`);
  slot.countermandJobHandlers = { ...slot.countermandJobHandlers, ...handlers };
  const types = new Set(periodic.map((p) => p.type));
  slot.countermandPeriodicJobs = [...(slot.countermandPeriodicJobs ?? []).filter((p) => !types.has(p.type)), ...periodic];
}

/**
 * Every registered handler. Throws when none is: a runner that ran jobs without their handlers would
 * fail them for good, so nothing runs until the wiring has happened.
 */
export function jobHandlers(): JobHandlers {
  const handlers = slot.countermandJobHandlers;
  if (!handlers || !Object.keys(handlers).length) throw new Error("No job handlers are registered: call wiring() (lib/wiring.ts) when the process starts");
  return handlers;
}

/** The registered periodic jobs. */
export function periodicJobs(): readonly PeriodicJob[] {
  return slot.countermandPeriodicJobs ?? [];
}
