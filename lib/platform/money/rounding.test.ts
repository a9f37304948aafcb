import { describe, expect, it } from 'vitest';
import {
  cumulativeShare,
  incrementalShare,
  roundHalfUpDiv,
  splitProRata,
  splitProRataCumulative,
} from './rounding';

// Deterministic PRNG so property-style loops are reproducible.
function rng(seed: number): (maxInclusive: number) => number {
  let s = seed >>> 0;
  return (max) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % (max + 1);
  };
}

function randomPartition(Q: number, rand: (m: number) => number): number[] {
  const parts: number[] = [];
  let left = Q;
  while (left > 0) {
    const p = Math.min(left, rand(left)); // may be 0: empty steps must be harmless
    parts.push(p);
    left -= p;
  }
  return parts;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('roundHalfUpDiv', () => {
  it.each([
    [5, 2, 3],
    [3, 2, 2],
    [1, 2, 1],
    [1, 3, 0],
    [2, 3, 1],
    [4, 3, 1],
    [5, 3, 2],
    [0, 7, 0],
    [7, 7, 1],
    [7, 1, 7],
    [149, 100, 1],
    [150, 100, 2],
    [151, 100, 2],
    [249, 100, 2],
    [250, 100, 3],
  ])('%i / %i → %i', (n, d, expected) => {
    expect(roundHalfUpDiv(n, d)).toBe(expected);
  });

  it('is exact where float division would err', () => {
    // 2^53 - 1 is odd, so halving lands exactly on .5 and must round up.
    expect(roundHalfUpDiv(Number.MAX_SAFE_INTEGER, 2)).toBe(2 ** 52);
    expect(roundHalfUpDiv(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toBe(1);
    expect(roundHalfUpDiv(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER)).toBe(1);
  });

  it.each([
    [-1, 2],
    [1, 0],
    [1, -2],
    [1.5, 2],
    [1, 2.5],
    [NaN, 1],
    [1, NaN],
    [Infinity, 1],
    [Number.MAX_SAFE_INTEGER + 1, 1],
  ])('throws for %s / %s', (n, d) => {
    expect(() => roundHalfUpDiv(n, d)).toThrow(RangeError);
  });
});

describe('cumulativeShare', () => {
  it('seed example: cancelling 2 of 5 units with tax 1000 refunds 400 tax', () => {
    const unitPrice = 2000;
    const tax = 1000;
    const refund = 2 * unitPrice + cumulativeShare(tax, 2, 5);
    expect(cumulativeShare(tax, 2, 5)).toBe(400);
    expect(refund).toBe(4400);
  });

  it('endpoints are 0 and total', () => {
    expect(cumulativeShare(999, 0, 7)).toBe(0);
    expect(cumulativeShare(999, 7, 7)).toBe(999);
  });

  it('rounds half up', () => {
    expect(cumulativeShare(1, 1, 2)).toBe(1);
    expect(cumulativeShare(100, 1, 3)).toBe(33);
    expect(cumulativeShare(100, 2, 3)).toBe(67);
    expect(cumulativeShare(5, 1, 2)).toBe(3);
  });

  it('handles products beyond 2^53 exactly', () => {
    const total = Number.MAX_SAFE_INTEGER;
    expect(cumulativeShare(total, 3, 3)).toBe(total);
    expect(cumulativeShare(total, 1, 2)).toBe(2 ** 52);
  });

  it('is monotone in k', () => {
    const rand = rng(7);
    for (let i = 0; i < 200; i++) {
      const total = rand(100_000);
      const Q = 1 + rand(50);
      for (let k = 1; k <= Q; k++) {
        expect(cumulativeShare(total, k, Q)).toBeGreaterThanOrEqual(cumulativeShare(total, k - 1, Q));
      }
    }
  });

  it.each([
    [-1, 1, 2],
    [10, -1, 2],
    [10, 3, 2],
    [10, 0, 0],
    [10, 1, -1],
    [10.5, 1, 2],
    [10, 0.5, 2],
    [10, 1, 2.5],
    [NaN, 1, 2],
  ])('throws for total=%s k=%s Q=%s', (total, k, Q) => {
    expect(() => cumulativeShare(total, k, Q)).toThrow(RangeError);
  });
});

describe('incrementalShare', () => {
  it('seed example continues: cancelling the other 3 later takes the remaining 600', () => {
    expect(incrementalShare(1000, 0, 2, 5)).toBe(400);
    expect(incrementalShare(1000, 2, 3, 5)).toBe(600);
  });

  it('adding nothing is zero', () => {
    expect(incrementalShare(1000, 3, 0, 5)).toBe(0);
  });

  it('property: any partition of Q sums to exactly total', () => {
    const rand = rng(42);
    for (let i = 0; i < 2000; i++) {
      const total = rand(i % 10 === 0 ? 1_000_000_000 : 10_000);
      const Q = 1 + rand(i % 3 === 0 ? 1000 : 12);
      let already = 0;
      let acc = 0;
      for (const step of randomPartition(Q, rand)) {
        const share = incrementalShare(total, already, step, Q);
        expect(share).toBeGreaterThanOrEqual(0);
        acc += share;
        already += step;
      }
      expect(already).toBe(Q);
      expect(acc).toBe(total);
    }
  });

  it('unit-by-unit shares differ by at most 1', () => {
    const shares = Array.from({ length: 7 }, (_, k) => incrementalShare(100, k, 1, 7));
    expect(sum(shares)).toBe(100);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
  });

  it.each([
    [10, -1, 1, 5],
    [10, 1, -1, 5],
    [10, 3, 3, 5],
    [10, 0.5, 1, 5],
    [10, 1, 1.5, 5],
    [-10, 1, 1, 5],
    [10, 1, 1, 0],
  ])('throws for total=%s already=%s add=%s Q=%s', (total, a, b, Q) => {
    expect(() => incrementalShare(total, a, b, Q)).toThrow(RangeError);
  });
});

describe('splitProRata', () => {
  it('splits evenly when divisible', () => {
    expect(splitProRata(900, [1, 1, 1])).toEqual([300, 300, 300]);
  });

  it('uses cumulative half-up rounding', () => {
    // cumulative: 100*1/3=33.3→33, 100*2/3=66.7→67, 100 → [33, 34, 33]
    expect(splitProRata(100, [1, 1, 1])).toEqual([33, 34, 33]);
    expect(splitProRata(1, [1, 1])).toEqual([1, 0]);
    expect(splitProRata(10, [3, 7])).toEqual([3, 7]);
    expect(splitProRata(1000, [2000, 2000, 1000])).toEqual([400, 400, 200]);
  });

  it('zero weights get zero', () => {
    expect(splitProRata(101, [0, 1, 0, 1, 0])).toEqual([0, 51, 0, 50, 0]);
  });

  it('single weight gets everything', () => {
    expect(splitProRata(12345, [7])).toEqual([12345]);
  });

  it('zero amount gives zeros', () => {
    expect(splitProRata(0, [1, 2, 3])).toEqual([0, 0, 0]);
  });

  it('works with huge amounts and weights without precision loss', () => {
    const parts = splitProRata(Number.MAX_SAFE_INTEGER, [Number.MAX_SAFE_INTEGER, 1, 3]);
    expect(parts.reduce((a, b) => BigInt(a) + BigInt(b), BigInt(0))).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('property: parts are non-negative, sum to amount and each is within 1 of the exact share', () => {
    const rand = rng(1234);
    for (let i = 0; i < 2000; i++) {
      const amount = rand(i % 10 === 0 ? 10_000_000 : 5000);
      const n = 1 + rand(8);
      const weights = Array.from({ length: n }, () => rand(i % 2 ? 100 : 100_000));
      if (sum(weights) === 0) weights[0] = 1;
      const parts = splitProRata(amount, weights);
      expect(parts).toHaveLength(n);
      expect(sum(parts)).toBe(amount);
      const W = sum(weights);
      parts.forEach((p, j) => {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(Math.abs(p - (amount * weights[j]!) / W)).toBeLessThanOrEqual(1);
        if (weights[j] === 0) expect(p).toBe(0);
      });
    }
  });

  it('does not mutate weights', () => {
    const w = Object.freeze([1, 2, 3]);
    splitProRata(10, w);
    expect(w).toEqual([1, 2, 3]);
  });

  it.each([
    [10, []],
    [10, [0, 0]],
    [10, [-1, 2]],
    [10, [1.5]],
    [10, [NaN]],
    [-1, [1]],
    [1.5, [1]],
    [NaN, [1]],
  ])('throws for amount=%s weights=%o', (amount, weights) => {
    expect(() => splitProRata(amount, weights)).toThrow(RangeError);
  });
});

describe('splitProRataCumulative', () => {
  it('with nothing already allocated equals splitProRata', () => {
    expect(splitProRataCumulative(0, 100, [1, 1, 1])).toEqual(splitProRata(100, [1, 1, 1]));
  });

  it('two steps add up to one full split', () => {
    const w = [1, 1, 1];
    const a = splitProRataCumulative(0, 50, w);
    const b = splitProRataCumulative(50, 50, w);
    expect(a.map((x, i) => x + b[i]!)).toEqual(splitProRata(100, w));
  });

  it('documented caveat: a step can produce a negative part', () => {
    expect(splitProRataCumulative(1, 1, [2, 1, 2])).toEqual([1, -1, 1]);
    expect(sum(splitProRataCumulative(1, 1, [2, 1, 2]))).toBe(1);
  });

  it('zero amount gives zeros', () => {
    expect(splitProRataCumulative(40, 0, [3, 5])).toEqual([0, 0]);
  });

  it('property: repeated partial splits sum element-wise to the full split', () => {
    const rand = rng(99);
    for (let i = 0; i < 1000; i++) {
      const grand = rand(i % 10 === 0 ? 5_000_000 : 2000);
      const n = 1 + rand(6);
      const weights = Array.from({ length: n }, () => rand(50));
      if (sum(weights) === 0) weights[n - 1] = 3;
      const acc = new Array<number>(n).fill(0);
      let already = 0;
      for (const step of randomPartition(grand, rand)) {
        const parts = splitProRataCumulative(already, step, weights);
        expect(sum(parts)).toBe(step);
        parts.forEach((p, j) => (acc[j]! += p));
        already += step;
      }
      expect(acc).toEqual(splitProRata(grand, weights));
    }
  });

  it.each([
    [-1, 1, [1]],
    [1, -1, [1]],
    [0.5, 1, [1]],
    [1, 0.5, [1]],
    [1, 1, []],
    [1, 1, [0]],
  ])('throws for already=%s amount=%s weights=%o', (already, amount, weights) => {
    expect(() => splitProRataCumulative(already, amount, weights)).toThrow(RangeError);
  });
});
