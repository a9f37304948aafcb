import { describe, expect, it } from 'vitest';
import {
  ALLOWED_MOVES,
  BUCKETS,
  FULFILMENT_EVENTS,
  FULFILMENT_STAGES,
  FULFILMENT_TRANSITIONS,
  applyMove,
  countsEqual,
  countsFromPartial,
  emptyCounts,
  isAllowedMove,
  isBucket,
  isPositiveSafeInteger,
  ledgerToCounts,
  totalUnits,
  type Bucket,
  type BucketCounts,
} from './buckets';

// Written out by hand (rows = from, columns = to) so the test is an
// independent statement of the policy, not a copy of ALLOWED_MOVES.
//                 OPEN ALLOC REL  PICK PACK SHIP DELIV CANC RET
const MATRIX: Record<Bucket, readonly number[]> = {
  OPEN:      [0,   1,    0,   0,   0,   0,   0,    1,   0],
  ALLOCATED: [0,   0,    1,   0,   0,   0,   0,    1,   0],
  RELEASED:  [0,   0,    0,   1,   0,   0,   0,    1,   0],
  PICKED:    [0,   0,    0,   0,   1,   0,   0,    1,   0],
  PACKED:    [0,   0,    0,   0,   0,   1,   0,    1,   0],
  SHIPPED:   [0,   0,    0,   0,   0,   0,   1,    0,   1],
  DELIVERED: [0,   0,    0,   0,   0,   0,   0,    0,   1],
  CANCELLED: [0,   0,    0,   0,   0,   0,   0,    0,   0],
  RETURNED:  [0,   0,    0,   0,   0,   0,   0,    0,   0],
};
const COLUMN_ORDER: readonly Bucket[] = [
  'OPEN', 'ALLOCATED', 'RELEASED', 'PICKED', 'PACKED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED',
];

const pairs: [Bucket, Bucket, boolean][] = [];
for (const from of COLUMN_ORDER) {
  COLUMN_ORDER.forEach((to, i) => pairs.push([from, to, MATRIX[from][i] === 1]));
}

describe('constants', () => {
  it('BUCKETS', () => {
    expect(BUCKETS).toEqual(COLUMN_ORDER);
  });

  it('FULFILMENT_STAGES is the progress order', () => {
    expect(FULFILMENT_STAGES).toEqual(['OPEN', 'ALLOCATED', 'RELEASED', 'PICKED', 'PACKED', 'SHIPPED', 'DELIVERED']);
  });

  it('FULFILMENT_TRANSITIONS', () => {
    expect(FULFILMENT_EVENTS).toEqual(['ALLOCATE', 'RELEASE', 'PICK', 'PACK', 'SHIP', 'DELIVER']);
    expect(FULFILMENT_TRANSITIONS).toEqual({
      ALLOCATE: { from: 'OPEN', to: 'ALLOCATED' },
      RELEASE: { from: 'ALLOCATED', to: 'RELEASED' },
      PICK: { from: 'RELEASED', to: 'PICKED' },
      PACK: { from: 'PICKED', to: 'PACKED' },
      SHIP: { from: 'PACKED', to: 'SHIPPED' },
      DELIVER: { from: 'SHIPPED', to: 'DELIVERED' },
    });
  });

  it('every fulfilment transition is an allowed one-stage-forward move', () => {
    for (const ev of FULFILMENT_EVENTS) {
      const { from, to } = FULFILMENT_TRANSITIONS[ev];
      expect(isAllowedMove(from, to)).toBe(true);
      const i = (FULFILMENT_STAGES as readonly string[]).indexOf(from);
      expect(FULFILMENT_STAGES[i + 1]).toBe(to);
    }
  });

  it('ALLOWED_MOVES has a row for every bucket', () => {
    expect(Object.keys(ALLOWED_MOVES).sort()).toEqual([...BUCKETS].sort());
  });
});

describe('isAllowedMove — exhaustive from × to', () => {
  it('covers all 81 pairs with exactly 13 allowed', () => {
    expect(pairs).toHaveLength(81);
    expect(pairs.filter(([, , ok]) => ok)).toHaveLength(13);
  });

  it.each(pairs)('%s → %s allowed=%s', (from, to, expected) => {
    expect(isAllowedMove(from, to)).toBe(expected);
  });

  it('structural rules hold', () => {
    const stageIdx = (b: Bucket) => (FULFILMENT_STAGES as readonly string[]).indexOf(b);
    for (const [from, to, ok] of pairs) {
      if (from === to) expect(ok).toBe(false);
      if (from === 'CANCELLED' || from === 'RETURNED') expect(ok).toBe(false);
      if (stageIdx(from) >= 0 && stageIdx(to) >= 0) expect(ok).toBe(stageIdx(to) === stageIdx(from) + 1);
    }
  });

  it('rejects unknown runtime strings', () => {
    expect(isAllowedMove('__proto__' as Bucket, 'OPEN')).toBe(false);
    expect(isAllowedMove('OPEN', 'NOPE' as Bucket)).toBe(false);
  });
});

describe('counts helpers', () => {
  it('emptyCounts is all zero and fresh each time', () => {
    const a = emptyCounts();
    expect(totalUnits(a)).toBe(0);
    for (const b of BUCKETS) expect(a[b]).toBe(0);
    a.OPEN = 5;
    expect(emptyCounts().OPEN).toBe(0);
  });

  it('countsFromPartial fills missing buckets with 0', () => {
    const c = countsFromPartial({ OPEN: 2, SHIPPED: 3 });
    expect(c).toEqual({ ...emptyCounts(), OPEN: 2, SHIPPED: 3 });
    expect(Object.keys(c)).toHaveLength(9);
  });

  it('countsFromPartial drops unknown keys and copies', () => {
    const src = { OPEN: 1, BOGUS: 9 } as unknown as Partial<BucketCounts>;
    const c = countsFromPartial(src);
    expect(c).toEqual({ ...emptyCounts(), OPEN: 1 });
    c.OPEN = 7;
    expect(src.OPEN).toBe(1);
  });

  it('totalUnits sums all nine buckets', () => {
    const c: BucketCounts = {
      OPEN: 1, ALLOCATED: 2, RELEASED: 3, PICKED: 4, PACKED: 5, SHIPPED: 6, DELIVERED: 7, CANCELLED: 8, RETURNED: 9,
    };
    expect(totalUnits(c)).toBe(45);
  });

  it('countsEqual', () => {
    expect(countsEqual(countsFromPartial({ OPEN: 1 }), countsFromPartial({ OPEN: 1 }))).toBe(true);
    expect(countsEqual(countsFromPartial({ OPEN: 1 }), countsFromPartial({ OPEN: 2 }))).toBe(false);
    expect(countsEqual(countsFromPartial({ RETURNED: 1 }), emptyCounts())).toBe(false);
  });

  it('isBucket', () => {
    expect(isBucket('PICKED')).toBe(true);
    expect(isBucket('picked')).toBe(false);
    expect(isBucket(null)).toBe(false);
  });

  it('isPositiveSafeInteger', () => {
    expect(isPositiveSafeInteger(1)).toBe(true);
    expect(isPositiveSafeInteger(Number.MAX_SAFE_INTEGER)).toBe(true);
    for (const bad of [0, -1, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '1', null]) {
      expect(isPositiveSafeInteger(bad)).toBe(false);
    }
  });
});

describe('applyMove', () => {
  const base = countsFromPartial({ OPEN: 5, ALLOCATED: 2, SHIPPED: 3 });

  it('moves units and preserves the total', () => {
    const r = applyMove(base, 'OPEN', 'ALLOCATED', 3);
    expect(r).toEqual({ ok: true, counts: { ...base, OPEN: 2, ALLOCATED: 5 } });
    if (r.ok) expect(totalUnits(r.counts)).toBe(totalUnits(base));
  });

  it('moving exactly the available quantity succeeds', () => {
    const r = applyMove(base, 'OPEN', 'CANCELLED', 5);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.counts.OPEN).toBe(0);
      expect(r.counts.CANCELLED).toBe(5);
    }
  });

  it('available + 1 fails with INSUFFICIENT_QUANTITY and reports available', () => {
    const r = applyMove(base, 'OPEN', 'CANCELLED', 6);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INSUFFICIENT_QUANTITY');
      expect(r.error.available).toBe(5);
      expect(r.error.message).toContain('5');
    }
  });

  it('moving from an empty bucket fails', () => {
    const r = applyMove(base, 'PACKED', 'SHIPPED', 1);
    expect(r).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_QUANTITY', available: 0 } });
  });

  it.each([0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 1])(
    'qty %s is INVALID_QUANTITY',
    (qty) => {
      const r = applyMove(base, 'OPEN', 'ALLOCATED', qty);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_QUANTITY' } });
      if (!r.ok) expect(r.error.available).toBeUndefined();
    },
  );

  it('quantity is checked before the move', () => {
    expect(applyMove(base, 'CANCELLED', 'OPEN', 0)).toMatchObject({ ok: false, error: { code: 'INVALID_QUANTITY' } });
  });

  it('move legality is checked before availability', () => {
    expect(applyMove(base, 'OPEN', 'SHIPPED', 99)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_MOVE' } });
  });

  it.each(pairs)('%s → %s follows the table (allowed=%s)', (from, to, allowed) => {
    const counts = countsFromPartial({ [from]: 1 });
    const r = applyMove(counts, from, to, 1);
    if (allowed) {
      expect(r).toEqual({ ok: true, counts: countsFromPartial({ [to]: 1 }) });
    } else {
      expect(r).toMatchObject({ ok: false, error: { code: 'ILLEGAL_MOVE' } });
    }
  });

  it('never mutates the input (success or failure)', () => {
    const input = countsFromPartial({ OPEN: 4, PICKED: 1 });
    const snapshot = { ...input };
    const frozen = Object.freeze(input);
    const ok = applyMove(frozen, 'OPEN', 'ALLOCATED', 2);
    applyMove(frozen, 'OPEN', 'ALLOCATED', 9);
    applyMove(frozen, 'PICKED', 'OPEN', 1);
    expect(input).toEqual(snapshot);
    if (ok.ok) expect(ok.counts).not.toBe(input);
  });

  it('chains a full fulfilment journey', () => {
    let c = countsFromPartial({ OPEN: 3 });
    for (const ev of FULFILMENT_EVENTS) {
      const { from, to } = FULFILMENT_TRANSITIONS[ev];
      const r = applyMove(c, from, to, 3);
      if (!r.ok) throw new Error(r.error.message);
      c = r.counts;
    }
    expect(c).toEqual(countsFromPartial({ DELIVERED: 3 }));
  });
});

describe('ledgerToCounts', () => {
  it('empty ledger is empty counts', () => {
    expect(ledgerToCounts([])).toEqual(emptyCounts());
  });

  it('intake entries (fromBucket null) create units', () => {
    expect(ledgerToCounts([{ fromBucket: null, toBucket: 'OPEN', quantity: 5 }])).toEqual(
      countsFromPartial({ OPEN: 5 }),
    );
  });

  it('sums moves', () => {
    const c = ledgerToCounts([
      { fromBucket: null, toBucket: 'OPEN', quantity: 5 },
      { fromBucket: 'OPEN', toBucket: 'CANCELLED', quantity: 2 },
      { fromBucket: 'OPEN', toBucket: 'ALLOCATED', quantity: 3 },
      { fromBucket: 'ALLOCATED', toBucket: 'RELEASED', quantity: 3 },
      { fromBucket: 'RELEASED', toBucket: 'PICKED', quantity: 1 },
      { fromBucket: null, toBucket: 'OPEN', quantity: 1 },
    ]);
    expect(c).toEqual(countsFromPartial({ OPEN: 1, CANCELLED: 2, RELEASED: 2, PICKED: 1 }));
    expect(totalUnits(c)).toBe(6);
  });

  it('agrees with replaying the same moves through applyMove', () => {
    const moves: [Bucket, Bucket, number][] = [
      ['OPEN', 'ALLOCATED', 4],
      ['ALLOCATED', 'RELEASED', 4],
      ['RELEASED', 'PICKED', 3],
      ['PICKED', 'PACKED', 3],
      ['PACKED', 'SHIPPED', 2],
      ['SHIPPED', 'DELIVERED', 1],
      ['DELIVERED', 'RETURNED', 1],
      ['RELEASED', 'CANCELLED', 1],
      ['OPEN', 'CANCELLED', 2],
    ];
    let c = countsFromPartial({ OPEN: 6 });
    for (const [from, to, q] of moves) {
      const r = applyMove(c, from, to, q);
      if (!r.ok) throw new Error(r.error.message);
      c = r.counts;
    }
    const fromLedger = ledgerToCounts([
      { fromBucket: null, toBucket: 'OPEN', quantity: 6 },
      ...moves.map(([fromBucket, toBucket, quantity]) => ({ fromBucket, toBucket, quantity })),
    ]);
    expect(countsEqual(c, fromLedger)).toBe(true);
  });

  it('does not hide a corrupt ledger', () => {
    expect(ledgerToCounts([{ fromBucket: 'OPEN', toBucket: 'CANCELLED', quantity: 1 }]).OPEN).toBe(-1);
  });
});
