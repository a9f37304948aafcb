import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.ts';
import { splitRefundAcrossTenders, type TenderBalance } from './tender-split.ts';

function rng(seed: number): (maxInclusive: number) => number {
  let s = seed >>> 0;
  return (max) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % (max + 1);
  };
}

/** Apply a sequence of refunds, tracking per-tender `refunded` like the database would. */
function refundInChunks(amounts: number[], chunks: number[]): { perStep: number[][]; refunded: number[] } {
  const tenders: TenderBalance[] = amounts.map((amount, i) => ({ id: `t${i}`, amount, refunded: 0 }));
  let already = 0;
  const perStep: number[][] = [];
  for (const c of chunks) {
    const split = splitRefundAcrossTenders(tenders, already, c);
    expect(split.map((s) => s.id)).toEqual(tenders.map((t) => t.id));
    expect(split.reduce((a, s) => a + s.amount, 0)).toBe(c);
    split.forEach((s, i) => {
      expect(s.amount).toBeGreaterThanOrEqual(0);
      tenders[i]!.refunded += s.amount;
      expect(tenders[i]!.refunded).toBeLessThanOrEqual(tenders[i]!.amount);
    });
    perStep.push(split.map((s) => s.amount));
    already += c;
  }
  return { perStep, refunded: tenders.map((t) => t.refunded) };
}

describe('splitRefundAcrossTenders', () => {
  it('card 50000 + gift card 13396 refunded in odd chunks sums exactly to each tender', () => {
    const amounts = [50000, 13396];
    const chunks = [1, 4401, 333, 9999, 17, 12345, 30000, 6300]; // Σ = 63396
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(63396);
    const { perStep, refunded } = refundInChunks(amounts, chunks);
    expect(refunded).toEqual(amounts);
    expect(perStep[0]).toEqual([1, 0]);
    // A single chunk is split pro rata (within rounding): 4401 × 50000/63396 ≈ 3471.0
    expect(perStep[1]![0]! + perStep[0]![0]!).toBe(3472);
  });

  it('a single full refund returns each tender its amount', () => {
    const tenders = [
      { id: 'card', amount: 50000, refunded: 0 },
      { id: 'gift', amount: 13396, refunded: 0 },
    ];
    expect(splitRefundAcrossTenders(tenders, 0, 63396)).toEqual([
      { id: 'card', amount: 50000 },
      { id: 'gift', amount: 13396 },
    ]);
  });

  it('zero refund gives zeros, even with no tenders', () => {
    expect(splitRefundAcrossTenders([{ id: 'a', amount: 10, refunded: 10 }], 10, 0)).toEqual([{ id: 'a', amount: 0 }]);
    expect(splitRefundAcrossTenders([], 0, 0)).toEqual([]);
  });

  it('zero-amount tenders never receive anything', () => {
    const { perStep } = refundInChunks([0, 700, 0, 300], [1, 2, 997]);
    for (const s of perStep) {
      expect(s[0]).toBe(0);
      expect(s[2]).toBe(0);
    }
  });

  it('property: random tenders and chunkings refund every tender exactly, never negative, never over', () => {
    const rand = rng(2024);
    for (let c = 0; c < 400; c++) {
      const n = 1 + rand(3);
      const amounts: number[] = Array.from({ length: n }, () => rand(c % 5 === 0 ? 5_000_000 : 20_000));
      if (amounts.reduce((a, b) => a + b, 0) === 0) amounts[0] = 1 + rand(1000);
      const total = amounts.reduce((a, b) => a + b, 0);
      const chunks: number[] = [];
      let left = total;
      while (left > 0) {
        const p = Math.min(left, rand(left));
        chunks.push(p);
        left -= p;
      }
      expect(refundInChunks(amounts, chunks).refunded).toEqual(amounts);
    }
  });

  it('throws OVER_REFUND past what was paid', () => {
    const tenders = [
      { id: 'card', amount: 500, refunded: 0 },
      { id: 'gift', amount: 100, refunded: 0 },
    ];
    let err: unknown;
    try {
      splitRefundAcrossTenders(tenders, 550, 51);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('OVER_REFUND');
    expect((err as DomainError).details).toMatchObject({ refundable: 50 });
    expect(() => splitRefundAcrossTenders(tenders, 0, 601)).toThrow(DomainError);
    expect(() => splitRefundAcrossTenders([], 0, 1)).toThrow(DomainError);
  });

  it('throws OVER_REFUND when the tenders themselves no longer hold enough', () => {
    const tenders = [
      { id: 'card', amount: 500, refunded: 500 },
      { id: 'gift', amount: 100, refunded: 50 },
    ];
    // The order total says 50 was refunded, the tenders say 550: trust the smaller headroom.
    expect(() => splitRefundAcrossTenders(tenders, 50, 51)).toThrow(DomainError);
  });

  it('caps a tender whose recorded refunds diverged and gives the rest to others', () => {
    // Apportionment would send most of this to the card, but the card was
    // already refunded in full by hand; the gift card takes it instead.
    const tenders = [
      { id: 'card', amount: 500, refunded: 500 },
      { id: 'gift', amount: 100, refunded: 0 },
    ];
    expect(splitRefundAcrossTenders(tenders, 0, 60)).toEqual([
      { id: 'card', amount: 0 },
      { id: 'gift', amount: 60 },
    ]);
  });

  it('throws RangeError on malformed numbers', () => {
    const t = [{ id: 'a', amount: 10, refunded: 0 }];
    expect(() => splitRefundAcrossTenders(t, -1, 1)).toThrow(RangeError);
    expect(() => splitRefundAcrossTenders(t, 0, 1.5)).toThrow(RangeError);
    expect(() => splitRefundAcrossTenders([{ id: 'a', amount: 10, refunded: 11 }], 0, 1)).toThrow(RangeError);
    expect(() => splitRefundAcrossTenders([{ id: 'a', amount: -10, refunded: 0 }], 0, 1)).toThrow(RangeError);
  });
});
