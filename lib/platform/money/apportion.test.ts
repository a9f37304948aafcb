import { describe, expect, it } from 'vitest';
import { apportion, apportionIncrement } from './apportion.ts';

// Deterministic PRNG so property-style loops are reproducible.
function rng(seed: number): (maxInclusive: number) => number {
  let s = seed >>> 0;
  return (max) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    // Two draws for ranges beyond 2^32.
    if (max < 2 ** 32) return s % (max + 1);
    const hi = s;
    s = (s * 1664525 + 1013904223) >>> 0;
    return (hi * 2 ** 21 + (s >>> 11)) % (max + 1);
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

// The definition, one seat at a time: give the next unit to the tender with
// the largest w_i / (s_i + ½), ties to the lowest index. Exact rational
// comparison via cross-multiplication in BigInt.
function addSeat(s: number[], weights: readonly number[]): void {
  let best = -1;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === 0) continue;
    if (best === -1) {
      best = i;
      continue;
    }
    const l = BigInt(weights[i]!) * BigInt(2 * s[best]! + 1);
    const r = BigInt(weights[best]!) * BigInt(2 * s[i]! + 1);
    if (l > r) best = i;
  }
  s[best]! += 1;
}

function naive(total: number, weights: readonly number[]): number[] {
  const s = weights.map(() => 0);
  for (let k = 0; k < total; k++) addSeat(s, weights);
  return s;
}

function randomWeights(rand: (m: number) => number, maxWeight: number): number[] {
  const n = 1 + rand(5);
  const w = Array.from({ length: n }, () => (rand(4) === 0 ? 0 : rand(maxWeight)));
  if (sum(w) === 0) w[rand(n - 1)] = 1 + rand(maxWeight - 1);
  return w;
}

function randomPartition(total: number, rand: (m: number) => number): number[] {
  const parts: number[] = [];
  let left = total;
  while (left > 0) {
    const p = Math.min(left, rand(left)); // may be 0: empty steps must be harmless
    parts.push(p);
    left -= p;
  }
  return parts;
}

describe('apportion', () => {
  it('small exact cases', () => {
    expect(apportion(2, [2, 1, 2])).toEqual([1, 0, 1]);
    expect(apportion(1, [1, 1])).toEqual([1, 0]);
    expect(apportion(3, [1, 1, 1])).toEqual([1, 1, 1]);
    expect(apportion(10, [3, 7])).toEqual([3, 7]);
    expect(apportion(1000, [2000, 2000, 1000])).toEqual([400, 400, 200]);
    expect(apportion(12345, [7])).toEqual([12345]);
  });

  it('whole sequence t = 0..5 for [2,1,2] is monotone and ends at the weights', () => {
    const seq = [0, 1, 2, 3, 4, 5].map((t) => apportion(t, [2, 1, 2]));
    expect(seq).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [1, 0, 1],
      [1, 1, 1],
      [2, 1, 1],
      [2, 1, 2],
    ]);
  });

  it('does not give a negative step where cumulative-boundary splitting would', () => {
    // splitProRataCumulative(1, 1, [2,1,2]) is [1,-1,1]; here every step is ≥ 0.
    expect(apportionIncrement(1, 1, [2, 1, 2])).toEqual([0, 0, 1]);
  });

  it('zero weights always get zero; total 0 gives zeros', () => {
    expect(apportion(101, [0, 1, 0, 1, 0])).toEqual([0, 51, 0, 50, 0]);
    expect(apportion(0, [1, 2, 3])).toEqual([0, 0, 0]);
    expect(apportion(5, [0, 0, 3])).toEqual([0, 0, 5]);
  });

  it('handles ties at the threshold by index (lower index first)', () => {
    // All entries tie at every level: seats go round-robin from index 0.
    expect(apportion(1, [5, 5, 5])).toEqual([1, 0, 0]);
    expect(apportion(2, [5, 5, 5])).toEqual([1, 1, 0]);
    expect(apportion(4, [5, 5, 5])).toEqual([2, 1, 1]);
    // Initial rounding admits all three tied entries (1.5 → 2 each); the
    // highest-index tie is dropped first.
    expect(apportion(3, [1, 1])).toEqual([2, 1]);
  });

  it('works for totals beyond Σw (parts exceed the weights)', () => {
    expect(apportion(10, [1, 1])).toEqual([5, 5]);
    expect(sum(apportion(1_000_001, [3, 7, 11]))).toBe(1_000_001);
  });

  it('is exact with products beyond 2^53', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(apportion(big, [1, 1])).toEqual([2 ** 52, 2 ** 52 - 1]);
    expect(apportion(big, [big])).toEqual([big]);
    const w = [big, big - 1, 12345];
    expect(sum(apportion(big, w))).toBe(big);
  });

  it('equals the weights when total == Σw', () => {
    const rand = rng(11);
    for (let i = 0; i < 500; i++) {
      const w = randomWeights(rand, i % 5 === 0 ? 1_000_000_000 : 10_000);
      expect(apportion(sum(w), w)).toEqual(w);
    }
  });

  it('matches the naive one-seat-at-a-time definition for every total (small sums)', () => {
    const rand = rng(1);
    for (let c = 0; c < 300; c++) {
      const w = randomWeights(rand, 40);
      const W = sum(w);
      // Advancing the naive state one seat per step gives every total in one pass.
      const s = w.map(() => 0);
      for (let t = 0; t <= W + 3; t++) {
        expect(apportion(t, w), `t=${t} w=${w.join(',')}`).toEqual(s);
        addSeat(s, w);
      }
    }
  });

  it('matches the naive definition at random totals (large weights)', () => {
    const rand = rng(2);
    for (let c = 0; c < 300; c++) {
      const w = randomWeights(rand, 10_000);
      const t = rand(Math.min(sum(w), 3000));
      expect(apportion(t, w), `t=${t} w=${w.join(',')}`).toEqual(naive(t, w));
    }
  });

  it('is house-monotone and sums exactly', () => {
    const rand = rng(3);
    for (let c = 0; c < 100; c++) {
      const w = randomWeights(rand, 10_000);
      let prev = apportion(0, w);
      const W = sum(w);
      const step = Math.max(1, Math.floor(W / 100));
      for (let t = 1; t <= W; t += t < 100 ? 1 : step) {
        const cur = apportion(t, w);
        expect(sum(cur)).toBe(t);
        cur.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(prev[i]!));
        prev = cur;
      }
    }
  });

  it.each([
    [-1, [1]],
    [1.5, [1]],
    [NaN, [1]],
    [Number.MAX_SAFE_INTEGER + 1, [1]],
    [1, []],
    [1, [0, 0]],
    [1, [-1, 2]],
    [1, [1.5]],
    [1, [NaN]],
  ] as [number, number[]][])('throws RangeError for total=%s weights=%j', (t, w) => {
    expect(() => apportion(t, w)).toThrow(RangeError);
  });
});

describe('apportionIncrement', () => {
  it('is the elementwise difference of two apportionments', () => {
    const w = [2, 1, 2];
    for (let a = 0; a <= 5; a++) {
      for (let b = 0; a + b <= 5; b++) {
        const expected = apportion(a + b, w).map((x, i) => x - apportion(a, w)[i]!);
        expect(apportionIncrement(a, b, w)).toEqual(expected);
      }
    }
  });

  it('property: any partition of Σw into increments sums per tender exactly to the weights', () => {
    const rand = rng(42);
    for (let c = 0; c < 1000; c++) {
      const w = randomWeights(rand, c % 10 === 0 ? 100_000_000 : 10_000);
      const W = sum(w);
      const acc = w.map(() => 0);
      let already = 0;
      for (const step of randomPartition(W, rand)) {
        const inc = apportionIncrement(already, step, w);
        expect(sum(inc)).toBe(step);
        inc.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(0);
          acc[i]! += x;
          // never past the tender's own weight
          expect(acc[i]).toBeLessThanOrEqual(w[i]!);
        });
        already += step;
      }
      expect(acc).toEqual(w);
    }
  });

  it('throws RangeError on bad input', () => {
    expect(() => apportionIncrement(-1, 1, [1])).toThrow(RangeError);
    expect(() => apportionIncrement(1, -1, [1])).toThrow(RangeError);
    expect(() => apportionIncrement(1, 0.5, [1])).toThrow(RangeError);
    expect(() => apportionIncrement(Number.MAX_SAFE_INTEGER, 1, [1])).toThrow(RangeError);
    expect(() => apportionIncrement(0, 1, [0])).toThrow(RangeError);
  });
});
