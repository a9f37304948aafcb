// Which units of one line a cancellation takes (SPEC §4.2): least progressed
// first, because those are the cheapest to undo, unless the request names a
// stage. Units in stages that cannot be cancelled in place (shipped goods)
// are reported as blocked: they still count against the request, but they
// can only come back through a return.

import {
  BUCKETS,
  FULFILMENT_STAGES,
  isPositiveSafeInteger,
  totalUnits,
  type BucketCounts,
  type FulfilmentStage,
} from '../../orders/domain/buckets.ts';
import { CANCEL_ORDER_OF_STAGES, DEFAULT_STAGE_POLICY, type StagePolicyTable } from './stage-policy.ts';

export type SelectionErrorCode = 'INVALID_QUANTITY' | 'OVER_CANCEL';

export type SelectionResult =
  | {
      ok: true;
      /** Units cancelled in place, per stage (only stages with > 0). */
      takeByStage: Partial<Record<FulfilmentStage, number>>;
      cancelInPlace: number;
      /** Units requested but requiring a return, per stage (only stages with > 0). */
      blockedByStage: Partial<Record<FulfilmentStage, number>>;
      blocked: number;
    }
  | { ok: false; error: { code: SelectionErrorCode; message: string; cancellable: number } };

export interface SelectUnitsOptions {
  /** Take units only from this stage. */
  stage?: FulfilmentStage;
}

// Counts come from the ledger; a negative or fractional count means corrupt
// data, which must not be papered over by a "best effort" selection.
function assertCounts(counts: BucketCounts): void {
  for (const b of BUCKETS) {
    const v = counts[b];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw new RangeError(`counts.${b} must be a non-negative safe integer, got ${String(v)}`);
    }
  }
}

/** Units not yet cancelled or returned (whether or not they can be cancelled in place). */
export function outstanding(counts: BucketCounts): number {
  assertCounts(counts);
  return totalUnits(counts) - counts.CANCELLED - counts.RETURNED;
}

/** Units that can be cancelled in place right now under `policy`. */
export function cancellableNow(counts: BucketCounts, policy: StagePolicyTable = DEFAULT_STAGE_POLICY): number {
  assertCounts(counts);
  let n = 0;
  for (const s of FULFILMENT_STAGES) if (policy[s].cancelInPlace) n += counts[s];
  return n;
}

export function selectUnits(
  counts: BucketCounts,
  requested: number,
  policy: StagePolicyTable = DEFAULT_STAGE_POLICY,
  opts: SelectUnitsOptions = {},
): SelectionResult {
  assertCounts(counts);
  const stage = opts.stage;
  if (stage !== undefined && !(FULFILMENT_STAGES as readonly string[]).includes(stage)) {
    throw new RangeError(`Unknown fulfilment stage ${String(stage)}`);
  }
  const available = stage === undefined ? outstanding(counts) : counts[stage];
  const where = stage === undefined ? '' : ` in stage ${stage}`;

  if (!isPositiveSafeInteger(requested)) {
    return {
      ok: false,
      error: {
        code: 'INVALID_QUANTITY',
        message: `Quantity must be a positive integer, got ${String(requested)}`,
        cancellable: available,
      },
    };
  }
  if (requested > available) {
    return {
      ok: false,
      error: {
        code: 'OVER_CANCEL',
        message: `Cannot cancel ${requested} unit(s): only ${available} unit(s) outstanding${where}`,
        cancellable: available,
      },
    };
  }

  const order: readonly FulfilmentStage[] = stage === undefined ? CANCEL_ORDER_OF_STAGES : [stage];
  const takeByStage: Partial<Record<FulfilmentStage, number>> = {};
  const blockedByStage: Partial<Record<FulfilmentStage, number>> = {};
  let cancelInPlace = 0;
  let blocked = 0;
  let left = requested;
  for (const s of order) {
    if (left === 0) break;
    const n = Math.min(left, counts[s]);
    if (n === 0) continue;
    left -= n;
    if (policy[s].cancelInPlace) {
      takeByStage[s] = n;
      cancelInPlace += n;
    } else {
      blockedByStage[s] = n;
      blocked += n;
    }
  }
  // requested ≤ outstanding = Σ stage counts, so the loop always exhausts it.
  return { ok: true, takeByStage, cancelInPlace, blockedByStage, blocked };
}
