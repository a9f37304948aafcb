// A multi-stage move ("ship 2 units that are still open") is the sequence of single-stage
// fulfilment events between two stages. Expanding it here keeps one rule for what each stage
// means: the command applies the events in order, so every stage is still recorded.
import { FULFILMENT_EVENTS, FULFILMENT_STAGES, FULFILMENT_TRANSITIONS, type FulfilmentEventType, type FulfilmentStage } from './buckets.ts';

export type PathResult = { ok: true; events: FulfilmentEventType[] } | { ok: false; message: string };

/** The stages a fulfilment event can end in (every stage after OPEN). */
export const TARGET_STAGES = FULFILMENT_STAGES.slice(1) as Exclude<FulfilmentStage, 'OPEN'>[];
export type TargetStage = (typeof TARGET_STAGES)[number];

/**
 * The events that take units from where `first` starts to `toStage`, in order. Without a target
 * the path is `first` alone. A target at or before the stage `first` starts from is an error.
 */
export function fulfilmentPath(first: FulfilmentEventType, toStage?: FulfilmentStage): PathResult {
  const start = FULFILMENT_EVENTS.indexOf(first);
  if (start < 0) return { ok: false, message: `Unknown fulfilment event ${String(first)}` };
  if (toStage === undefined) return { ok: true, events: [first] };
  const end = FULFILMENT_EVENTS.findIndex((e) => FULFILMENT_TRANSITIONS[e].to === toStage);
  if (end < start) {
    const from = FULFILMENT_TRANSITIONS[first].from;
    return { ok: false, message: `Units in ${from.toLowerCase()} can only move to a later stage, not ${String(toStage).toLowerCase()}` };
  }
  return { ok: true, events: FULFILMENT_EVENTS.slice(start, end + 1) };
}

/** The event that moves units out of `from` (none for the last stage). */
export function eventFrom(from: FulfilmentStage): FulfilmentEventType | null {
  return FULFILMENT_EVENTS.find((e) => FULFILMENT_TRANSITIONS[e].from === from) ?? null;
}
