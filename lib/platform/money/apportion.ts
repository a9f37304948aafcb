// House-monotone exact apportionment (Webster / Sainte-Laguë divisor method).
//
// Why not splitProRataCumulative: cumulative-boundary splits sum exactly but a
// single step can hand a tender a *negative* part (already=1, amount=1,
// weights [2,1,2] → [1,-1,1]). A refund cannot take money back from one card
// to give it to another, so splitting repeated partial refunds needs a method
// where growing the total never shrinks anyone's part ("house monotone").
// Divisor methods have that property by construction:
//
//   apportion(t, w) = for each i, how many of i's entries are among the top t
//   entries of the multiset { w_i / (j + ½) : i, j ≥ 0 }, ordered by value
//   descending, ties broken by lower index first.
//
// The top-(t+1) set contains the top-t set, so parts only ever grow with t,
// and every increment apportion(t+k) − apportion(t) is non-negative.
//
// All comparisons are done in BigInt by cross-multiplication, so the result is
// exact for any safe-integer inputs (products may exceed 2^53).

import { assertNonNegativeInt, assertWeights } from './rounding.ts';

// BigInt() calls instead of `0n` literals, as in rounding.ts, so the file
// compiles under targets that reject BigInt literal syntax.
const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);

/**
 * Is entry a = w_a / (s_a + ½) ranked above entry b = w_b / (s_b + ½)?
 * `sa`/`sb` are the zero-based entry indices j. Ranking: larger value first,
 * equal values → lower tender index first.
 */
function ranksAbove(wa: bigint, sa: bigint, ia: number, wb: bigint, sb: bigint, ib: number): boolean {
  // w_a/(s_a+½) vs w_b/(s_b+½)  ⇔  w_a·(2s_b+1) vs w_b·(2s_a+1)
  const left = wa * (TWO * sb + ONE);
  const right = wb * (TWO * sa + ONE);
  if (left !== right) return left > right;
  return ia < ib;
}

function apportionBig(total: number, weights: readonly number[], W: bigint): bigint[] {
  const n = weights.length;
  if (total === 0) return weights.map(() => ZERO);
  const t = BigInt(total);
  const w = weights.map((x) => BigInt(x));

  // Every entry with value ≥ W/t is in the top set at least by value:
  //   w_i/(j+½) ≥ W/t  ⇔  j ≤ t·w_i/W − ½, and the count of such j ≥ 0 is
  //   floor(t·w_i/W + ½) = round_half_up(t·w_i/W).
  // Computed locally in BigInt because t·w_i may exceed 2^53 (roundHalfUpDiv
  // takes numbers).
  const s = w.map((wi) => (TWO * t * wi + W) / (TWO * W));
  let seats = s.reduce((a, b) => a + b, ZERO);

  // Too many: entries tied exactly at W/t were all admitted. Drop the
  // weakest included entry (j = s_i − 1) until the count fits; among equals
  // the highest index ranks lowest, so it goes first.
  while (seats > t) {
    let worst = -1;
    for (let i = 0; i < n; i++) {
      const si = s[i]!;
      if (si === ZERO) continue;
      if (worst === -1) {
        worst = i;
        continue;
      }
      // i is weaker than the current worst if worst ranks above i.
      if (ranksAbove(w[worst]!, s[worst]! - ONE, worst, w[i]!, si - ONE, i)) worst = i;
    }
    s[worst] = s[worst]! - ONE;
    seats -= ONE;
  }

  // Too few: rounding left seats over. Add the strongest excluded entry
  // (j = s_i) until full; zero weights have value 0 and never win while any
  // positive weight exists (W > 0 guarantees one does).
  while (seats < t) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (w[i] === ZERO) continue;
      if (best === -1 || ranksAbove(w[i]!, s[i]!, i, w[best]!, s[best]!, best)) best = i;
    }
    s[best] = s[best]! + ONE;
    seats += ONE;
  }
  return s;
}

/**
 * Split non-negative integer `total` across non-negative integer `weights`
 * (positive sum) so that the parts sum to exactly `total`, zero weights get 0,
 * and the split is house-monotone in `total`. apportion(Σw, w) equals w.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  assertNonNegativeInt('total', total);
  const W = assertWeights(weights);
  // Each part is ≤ total, so converting back to number is exact.
  return apportionBig(total, weights, W).map((x) => Number(x));
}

/**
 * The parts of `amount` more after `already` was apportioned over the same
 * weights: apportion(already + amount) − apportion(already), elementwise.
 * Always ≥ 0 by house monotonicity; summing successive increments gives
 * exactly apportion(grand total).
 */
export function apportionIncrement(already: number, amount: number, weights: readonly number[]): number[] {
  assertNonNegativeInt('already', already);
  assertNonNegativeInt('amount', amount);
  const after = already + amount;
  if (!Number.isSafeInteger(after)) {
    throw new RangeError(`already + amount (${after}) exceeds the safe integer range`);
  }
  const W = assertWeights(weights);
  const before = apportionBig(already, weights, W);
  const next = apportionBig(after, weights, W);
  return next.map((x, i) => Number(x - before[i]!));
}
