import { describe, expect, it } from 'vitest';
import {
  activeBalance,
  allocateRefund,
  allocateWithdrawal,
  applyRefund,
  daysLeftAtRedemption,
  deductionSequence,
  isActive,
  parseDay,
  formatDay,
  pointsForTenderRefund,
  refundExpiry,
  totalsOf,
  validateDeposit,
  validatePoints,
  type AllocationTotals,
  type DepositBalance,
} from './points.ts';

const day = (s: string) => new Date(`${s}T00:00:00Z`);

// Seed 003: withdrawal 22966035 consumed these deposits, in this order (transaction_transaction_rltnp).
const SEED_CONSUMED: [string, number][] = [
  ['19859079', 25],
  ['20522600', 25],
  ['21069202', 50],
  ['21434905', 200],
  ['21434907', 200],
  ['21530562', 200],
  ['21879877', 25],
  ['21991354', 275],
];

/** Seed deposits: created in id order a day apart, each holding exactly what the order took (21991354 a bit more). */
function seedDeposits(): DepositBalance[] {
  return SEED_CONSUMED.map(([id, points], i) => ({
    id,
    programId: `program-${i % 3}`,
    remaining: id === '21991354' ? 400 : points,
    effectiveAt: day(`2018-01-${String(i + 1).padStart(2, '0')}`),
    expiresAt: day('2019-12-31'),
  }));
}

/** Rows of a canceled_order_transaction table as the seed prints them: reverse of the deduction order. */
const table = (allocs: AllocationTotals[]) =>
  [...allocs].reverse().map((a) => [a.depositId, a.pointsWithdrawn, a.pointsCanceled, a.pointsCancelable]);

describe('withdrawal allocation', () => {
  it("reproduces seed 003's 1,000-point withdrawal across its 8 deposits, FIFO", () => {
    const plan = allocateWithdrawal(seedDeposits(), 1000, day('2018-07-11'), 'FIFO');
    expect(plan).toEqual({ ok: true, allocations: SEED_CONSUMED.map(([depositId, points]) => ({ depositId, points })) });
  });

  it('rejects a withdrawal above the active balance and reports what is available', () => {
    expect(allocateWithdrawal(seedDeposits(), 1126, day('2018-07-11'), 'FIFO')).toEqual({ ok: false, available: 1125 });
    expect(allocateWithdrawal(seedDeposits(), 1125, day('2018-07-11'), 'FIFO').ok).toBe(true);
  });

  it('skips expired deposits, deposits not yet effective and empty ones', () => {
    const deposits: DepositBalance[] = [
      { id: 'expired', programId: 'p', remaining: 100, effectiveAt: day('2018-01-01'), expiresAt: day('2018-07-11') },
      { id: 'future', programId: 'p', remaining: 100, effectiveAt: day('2018-07-12'), expiresAt: day('2019-01-01') },
      { id: 'empty', programId: 'p', remaining: 0, effectiveAt: day('2018-01-01'), expiresAt: day('2019-01-01') },
      { id: 'ok', programId: 'p', remaining: 30, effectiveAt: day('2018-01-02'), expiresAt: day('2019-01-01') },
    ];
    const at = day('2018-07-11');
    expect(deposits.map((d) => isActive(d, at))).toEqual([false, false, false, true]);
    expect(activeBalance(deposits, at)).toBe(30);
    expect(allocateWithdrawal(deposits, 30, at, 'FIFO')).toEqual({ ok: true, allocations: [{ depositId: 'ok', points: 30 }] });
    expect(allocateWithdrawal(deposits, 31, at, 'EARLIEST_EXPIRY')).toEqual({ ok: false, available: 30 });
  });

  it('EARLIEST_EXPIRY deducts from the soonest-expiring deposit first; FIFO from the oldest', () => {
    const deposits: DepositBalance[] = [
      { id: 'old-late', programId: 'a', remaining: 100, effectiveAt: day('2018-01-01'), expiresAt: day('2019-06-30') },
      { id: 'new-soon', programId: 'b', remaining: 100, effectiveAt: day('2018-03-01'), expiresAt: day('2018-09-30') },
      { id: 'mid-soonest', programId: 'c', remaining: 50, effectiveAt: day('2018-02-01'), expiresAt: day('2018-08-31') },
    ];
    const at = day('2018-07-11');
    expect(allocateWithdrawal(deposits, 120, at, 'EARLIEST_EXPIRY')).toEqual({
      ok: true,
      allocations: [
        { depositId: 'mid-soonest', points: 50 },
        { depositId: 'new-soon', points: 70 },
      ],
    });
    expect(allocateWithdrawal(deposits, 120, at, 'FIFO')).toEqual({
      ok: true,
      allocations: [
        { depositId: 'old-late', points: 100 },
        { depositId: 'mid-soonest', points: 20 },
      ],
    });
  });

  it('breaks ties by creation time, then id', () => {
    const t = day('2018-01-01');
    const deposits: DepositBalance[] = [
      { id: 'b', programId: 'p', remaining: 1, effectiveAt: t, expiresAt: day('2019-01-01'), createdAt: new Date(2) },
      { id: 'a', programId: 'p', remaining: 1, effectiveAt: t, expiresAt: day('2019-01-01'), createdAt: new Date(2) },
      { id: 'c', programId: 'p', remaining: 1, effectiveAt: t, expiresAt: day('2019-01-01'), createdAt: new Date(1) },
    ];
    expect(deductionSequence(deposits, 'FIFO').map((d) => d.id)).toEqual(['c', 'a', 'b']);
    expect(deductionSequence(deposits, 'EARLIEST_EXPIRY').map((d) => d.id)).toEqual(['c', 'a', 'b']);
  });

  it('refuses zero, negative and fractional withdrawals', () => {
    for (const p of [0, -1, 1.5, Number.NaN]) expect(() => allocateWithdrawal(seedDeposits(), p, day('2018-07-11'), 'FIFO')).toThrow(RangeError);
  });
});

describe("partial cancellation: seed 003's tables", () => {
  const start: AllocationTotals[] = SEED_CONSUMED.map(([depositId, points]) => ({
    depositId,
    pointsWithdrawn: points,
    pointsCanceled: 0,
    pointsCancelable: points,
  }));

  it('walks cancel 200 → cancel 900 rejected → cancel 200 exactly as the seed', () => {
    expect(totalsOf(start)).toEqual({ pointsWithdrawn: 1000, pointsCanceled: 0, pointsCancelable: 1000 });
    expect(table(start)).toEqual([
      ['21991354', 275, 0, 275],
      ['21879877', 25, 0, 25],
      ['21530562', 200, 0, 200],
      ['21434907', 200, 0, 200],
      ['21434905', 200, 0, 200],
      ['21069202', 50, 0, 50],
      ['20522600', 25, 0, 25],
      ['19859079', 25, 0, 25],
    ]);

    // 1. cancel 200: one deposit, from 21991354's program.
    const first = allocateRefund(start, 200);
    expect(first).toEqual({ ok: true, refunds: [{ depositId: '21991354', points: 200 }] });
    const after1 = applyRefund(start, first.ok ? first.refunds : []);
    expect(table(after1)).toEqual([
      ['21991354', 275, 200, 75],
      ['21879877', 25, 0, 25],
      ['21530562', 200, 0, 200],
      ['21434907', 200, 0, 200],
      ['21434905', 200, 0, 200],
      ['21069202', 50, 0, 50],
      ['20522600', 25, 0, 25],
      ['19859079', 25, 0, 25],
    ]);
    expect(totalsOf(after1)).toEqual({ pointsWithdrawn: 1000, pointsCanceled: 200, pointsCancelable: 800 });

    // 2. cancel 900: rejected, 800 cancelable.
    expect(allocateRefund(after1, 900)).toEqual({ ok: false, cancelable: 800 });

    // 3. cancel 200: three deposits 75 / 25 / 100.
    const third = allocateRefund(after1, 200);
    expect(third).toEqual({
      ok: true,
      refunds: [
        { depositId: '21991354', points: 75 },
        { depositId: '21879877', points: 25 },
        { depositId: '21530562', points: 100 },
      ],
    });
    const after3 = applyRefund(after1, third.ok ? third.refunds : []);
    expect(table(after3)).toEqual([
      ['21991354', 275, 275, 0],
      ['21879877', 25, 25, 0],
      ['21530562', 200, 100, 100],
      ['21434907', 200, 0, 200],
      ['21434905', 200, 0, 200],
      ['21069202', 50, 0, 50],
      ['20522600', 25, 0, 25],
      ['19859079', 25, 0, 25],
    ]);
    expect(totalsOf(after3)).toEqual({ pointsWithdrawn: 1000, pointsCanceled: 400, pointsCancelable: 600 });
  });

  it('the reverse-order example: 25 of A 25 / B 25 / C 50 goes back to C', () => {
    const abc: AllocationTotals[] = [
      { depositId: 'A', pointsWithdrawn: 25, pointsCanceled: 0, pointsCancelable: 25 },
      { depositId: 'B', pointsWithdrawn: 25, pointsCanceled: 0, pointsCancelable: 25 },
      { depositId: 'C', pointsWithdrawn: 50, pointsCanceled: 0, pointsCancelable: 50 },
    ];
    expect(allocateRefund(abc, 25)).toEqual({ ok: true, refunds: [{ depositId: 'C', points: 25 }] });
  });

  it('any sequence of cancellations keeps the sums in agreement and never exceeds what was withdrawn', () => {
    let s = 7;
    const rnd = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), s % n);
    for (let round = 0; round < 200; round++) {
      let allocs = start.map((a) => ({ ...a }));
      for (let step = 0; step < 10; step++) {
        const want = 1 + rnd(400);
        const plan = allocateRefund(allocs, want);
        const before = totalsOf(allocs);
        if (!plan.ok) {
          expect(want).toBeGreaterThan(before.pointsCancelable);
          continue;
        }
        expect(plan.refunds.reduce((n, r) => n + r.points, 0)).toBe(want);
        allocs = applyRefund(allocs, plan.refunds);
        const after = totalsOf(allocs);
        expect(after.pointsCanceled + after.pointsCancelable).toBe(1000);
        expect(after.pointsCanceled).toBe(before.pointsCanceled + want);
        for (const a of allocs) {
          expect(a.pointsCancelable).toBeGreaterThanOrEqual(0);
          expect(a.pointsCanceled + a.pointsCancelable).toBe(a.pointsWithdrawn);
        }
        // Reverse order: a deposit is touched only once every later-consumed one is fully canceled.
        const firstOpenFromEnd = [...allocs].reverse().findIndex((a) => a.pointsCancelable > 0);
        if (firstOpenFromEnd >= 0) {
          const rest = [...allocs].reverse().slice(firstOpenFromEnd + 1);
          expect(rest.every((a) => a.pointsCanceled === 0)).toBe(true);
        }
      }
    }
  });

  it('rejects zero, negative and fractional refunds', () => {
    for (const p of [0, -5, 2.5]) expect(() => allocateRefund(start, p)).toThrow(RangeError);
  });

  it('applyRefund refuses a plan that over-refunds a deposit', () => {
    expect(() => applyRefund(start, [{ depositId: '19859079', points: 26 }])).toThrow(RangeError);
  });
});

describe('expiry of refunded points', () => {
  it('redeemed 7/11/2018 with expiry 7/31/2018, cancelled 8/11/2018 → 8/31/2018', () => {
    expect(daysLeftAtRedemption(day('2018-07-31'), day('2018-07-11'))).toBe(20);
    expect(refundExpiry(day('2018-07-31'), day('2018-07-11'), day('2018-08-11'))).toEqual(day('2018-08-31'));
  });

  it('counts UTC calendar days, whatever the time of redemption or cancellation', () => {
    expect(refundExpiry(day('2018-07-31'), new Date('2018-07-11T23:59:00Z'), new Date('2018-08-11T00:01:00Z'))).toEqual(day('2018-08-31'));
    expect(refundExpiry(day('2018-12-31'), new Date('2018-12-30T12:00:00Z'), new Date('2019-02-28T18:00:00Z'))).toEqual(day('2019-03-01'));
  });

  it('cancelling the same day keeps the original expiry; later never resets it beyond the days left', () => {
    expect(refundExpiry(day('2018-07-31'), day('2018-07-11'), day('2018-07-11'))).toEqual(day('2018-07-31'));
    expect(refundExpiry(day('2018-07-12'), new Date('2018-07-11T10:00:00Z'), day('2020-01-01'))).toEqual(day('2020-01-02'));
  });
});

describe('POINTS tender refunds', () => {
  const base = { pointsWithdrawn: 1000, tenderAmount: 1000 };

  it('gives back points pro rata to the money refunded on the tender', () => {
    expect(pointsForTenderRefund({ ...base, moneyRefundedBefore: 0, amountNow: 250, pointsRefundedBefore: 0 })).toBe(250);
    expect(pointsForTenderRefund({ pointsWithdrawn: 500, tenderAmount: 1000, moneyRefundedBefore: 0, amountNow: 250, pointsRefundedBefore: 0 })).toBe(125);
  });

  it('partial refunds add up exactly to one refund of the sum, never above what was withdrawn', () => {
    const P = 997;
    const A = 3001;
    const chunks = [1, 1, 333, 7, 1000, 659, 1000];
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(A);
    let money = 0;
    let points = 0;
    for (const c of chunks) {
      const now = pointsForTenderRefund({ pointsWithdrawn: P, tenderAmount: A, moneyRefundedBefore: money, amountNow: c, pointsRefundedBefore: points });
      expect(now).toBeGreaterThanOrEqual(0);
      money += c;
      points += now;
      expect(points).toBe(Math.round((P * money) / A));
      expect(points).toBeLessThanOrEqual(P);
    }
    expect(points).toBe(P);
  });

  it('caps at the points withdrawn and tolerates points already given back by other means', () => {
    expect(pointsForTenderRefund({ ...base, moneyRefundedBefore: 900, amountNow: 500, pointsRefundedBefore: 900 })).toBe(100);
    expect(pointsForTenderRefund({ ...base, moneyRefundedBefore: 0, amountNow: 100, pointsRefundedBefore: 300 })).toBe(0);
  });
});

describe('input rules', () => {
  it('points must be positive whole numbers', () => {
    expect(validatePoints(25)).toEqual([]);
    expect(validatePoints(0)[0]?.message).toMatch(/at least 1/);
    expect(validatePoints(-3)[0]?.message).toMatch(/at least 1/);
    expect(validatePoints(2.5)[0]?.message).toMatch(/whole number/);
    expect(validatePoints(2e9)[0]?.message).toMatch(/at most/);
  });

  it('a deposit must expire after it becomes effective', () => {
    expect(validateDeposit({ points: 25, effectiveAt: day('2018-01-02'), expiresAt: day('2018-07-31') })).toEqual([]);
    expect(validateDeposit({ points: 25, effectiveAt: day('2018-07-31'), expiresAt: day('2018-07-31') })).toEqual([
      { path: 'expiresAt', message: 'must be after the deposit becomes effective (effectiveAt)' },
    ]);
    expect(validateDeposit({ points: 0, effectiveAt: day('2018-01-02'), expiresAt: day('2018-01-01') }).map((e) => e.path)).toEqual(['points', 'expiresAt']);
  });

  it('parses calendar days strictly', () => {
    expect(parseDay('2018-07-31')).toEqual(day('2018-07-31'));
    expect(parseDay('2018-02-30')).toBeNull();
    expect(parseDay('2018-7-31')).toBeNull();
    expect(formatDay(day('2018-08-31'))).toBe('2018-08-31');
  });
});
