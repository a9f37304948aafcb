// The phase of a change (SPEC §6): the most advanced stage among the units it touches that are
// neither cancelled nor returned — the order's units for order-level fields, the line's units
// for line fields, and for a quantity decrease the units the cancellation would take.
//
// Nothing left (every unit cancelled or returned): the line or order is finished, and a
// finished order is changed only by new, related orders (SPEC §1, §7). It takes the SHIPPED
// column, the most restrictive one — contact details may still be corrected, anything else is
// refused (more units come through a supplemental order). `isFinished` tells the two apart.

import { FULFILMENT_STAGES, type BucketCounts, type FulfilmentStage } from '../../orders/domain/buckets.ts';
import { outstanding } from '../../cancellations/domain/select-units.ts';

export const PHASES = ['BEFORE_RELEASE', 'RELEASED', 'IN_WAREHOUSE', 'SHIPPED'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_OF_STAGE: Readonly<Record<FulfilmentStage, Phase>> = Object.freeze({
  OPEN: 'BEFORE_RELEASE',
  ALLOCATED: 'BEFORE_RELEASE',
  RELEASED: 'RELEASED',
  PICKED: 'IN_WAREHOUSE',
  PACKED: 'IN_WAREHOUSE',
  SHIPPED: 'SHIPPED',
  DELIVERED: 'SHIPPED',
});

/** The stages each phase groups, least progressed first. */
export const STAGES_OF_PHASE: Readonly<Record<Phase, readonly FulfilmentStage[]>> = Object.freeze({
  BEFORE_RELEASE: Object.freeze(['OPEN', 'ALLOCATED'] as const),
  RELEASED: Object.freeze(['RELEASED'] as const),
  IN_WAREHOUSE: Object.freeze(['PICKED', 'PACKED'] as const),
  SHIPPED: Object.freeze(['SHIPPED', 'DELIVERED'] as const),
});

export const phaseRank = (p: Phase): number => PHASES.indexOf(p);

/** The most advanced phase of units given per stage; SHIPPED (finished) when there are none. */
export function phaseOfStages(units: Partial<Record<FulfilmentStage, number>>): Phase {
  for (let i = FULFILMENT_STAGES.length - 1; i >= 0; i--) {
    const stage = FULFILMENT_STAGES[i]!;
    if ((units[stage] ?? 0) > 0) return PHASE_OF_STAGE[stage];
  }
  return 'SHIPPED';
}

/** A line's phase: its units not cancelled or returned. */
export function linePhase(counts: BucketCounts): Phase {
  return phaseOfStages(counts);
}

/** The order's phase, for order-level fields: every line's units not cancelled or returned. */
export function orderPhase(lines: readonly BucketCounts[]): Phase {
  const live = lines.filter((c) => outstanding(c) > 0);
  if (live.length === 0) return 'SHIPPED';
  return live.map(linePhase).reduce((a, b) => (phaseRank(b) > phaseRank(a) ? b : a));
}

/** No unit is left to change: all cancelled or returned. */
export function isFinished(lines: readonly BucketCounts[]): boolean {
  return lines.every((c) => outstanding(c) === 0);
}
