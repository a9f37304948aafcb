// Pro-rata money arithmetic on integer minor units. Every split is computed
// from *cumulative* positions and differenced, so any sequence of partial
// amounts telescopes to exactly the full amount: no cent is lost or invented
// however a quantity is cancelled or refunded in pieces.
//
// Products such as total × k can exceed 2^53, so all intermediate arithmetic
// is done in BigInt and only the (bounded) result is converted back.

export function assertNonNegativeInt(name: string, n: number): void {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${String(n)}`);
  }
}

function assertPositiveInt(name: string, n: number): void {
  assertNonNegativeInt(name, n);
  if (n === 0) throw new RangeError(`${name} must be positive, got 0`);
}

// BigInt() calls instead of `0n` literals keep this compiling under Next's
// default ES2017 target, which rejects BigInt literal syntax.
const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);

function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  const r = numerator % denominator;
  return TWO * r >= denominator ? q + ONE : q;
}

function toSafeNumber(n: bigint): number {
  const v = Number(n);
  if (!Number.isSafeInteger(v)) throw new RangeError(`Result ${n} exceeds the safe integer range`);
  return v;
}

export function roundHalfUpDiv(numerator: number, denominator: number): number {
  assertNonNegativeInt('numerator', numerator);
  assertPositiveInt('denominator', denominator);
  return toSafeNumber(divHalfUp(BigInt(numerator), BigInt(denominator)));
}

/** Amount attributable to the first `k` of `Q` units of a `total`. */
export function cumulativeShare(total: number, k: number, Q: number): number {
  assertNonNegativeInt('total', total);
  assertPositiveInt('Q', Q);
  assertNonNegativeInt('k', k);
  if (k > Q) throw new RangeError(`k (${k}) must not exceed Q (${Q})`);
  // Result is ≤ total, so the conversion back cannot overflow.
  return toSafeNumber(divHalfUp(BigInt(total) * BigInt(k), BigInt(Q)));
}

/** Amount attributable to `addK` more units after `alreadyK` have been accounted for. */
export function incrementalShare(total: number, alreadyK: number, addK: number, Q: number): number {
  assertNonNegativeInt('alreadyK', alreadyK);
  assertNonNegativeInt('addK', addK);
  if (alreadyK + addK > Q) {
    throw new RangeError(`alreadyK + addK (${alreadyK + addK}) must not exceed Q (${Q})`);
  }
  return cumulativeShare(total, alreadyK + addK, Q) - cumulativeShare(total, alreadyK, Q);
}

/** Validates split weights (non-negative safe integers, positive sum) and returns their exact sum. */
export function assertWeights(weights: readonly number[]): bigint {
  if (weights.length === 0) throw new RangeError('weights must not be empty');
  let sum = ZERO;
  weights.forEach((w, i) => {
    assertNonNegativeInt(`weights[${i}]`, w);
    sum += BigInt(w);
  });
  if (sum === ZERO) throw new RangeError('weights must have a positive sum');
  return sum;
}

function splitBig(amount: bigint, weights: readonly number[], totalWeight: bigint): bigint[] {
  const parts: bigint[] = [];
  let cumWeight = ZERO;
  let prev = ZERO;
  for (const w of weights) {
    cumWeight += BigInt(w);
    const cum = divHalfUp(amount * cumWeight, totalWeight);
    parts.push(cum - prev);
    prev = cum;
  }
  return parts;
}

/**
 * Split `amount` across `weights`; parts are non-negative, zero-weight entries
 * get 0, and the parts sum to exactly `amount`.
 */
export function splitProRata(amount: number, weights: readonly number[]): number[] {
  assertNonNegativeInt('amount', amount);
  const totalWeight = assertWeights(weights);
  return splitBig(BigInt(amount), weights, totalWeight).map(toSafeNumber);
}

/**
 * Split `amount` given that `alreadyAllocated` was split over the same weights
 * before. Summing the results of successive calls reproduces
 * splitProRata(grandTotal, weights) exactly, element by element.
 *
 * Caveat: an individual part can be negative (e.g. already=1, amount=1,
 * weights [2,1,2] → [1,-1,1]) because rounding boundaries of neighbouring
 * cumulative positions can be crossed in opposite directions. Callers that
 * need non-negative parts per step must handle that explicitly.
 */
export function splitProRataCumulative(
  alreadyAllocated: number,
  amount: number,
  weights: readonly number[],
): number[] {
  assertNonNegativeInt('alreadyAllocated', alreadyAllocated);
  assertNonNegativeInt('amount', amount);
  const totalWeight = assertWeights(weights);
  const before = splitBig(BigInt(alreadyAllocated), weights, totalWeight);
  const after = splitBig(BigInt(alreadyAllocated) + BigInt(amount), weights, totalWeight);
  return after.map((a, i) => toSafeNumber(a - (before[i] ?? ZERO)));
}
