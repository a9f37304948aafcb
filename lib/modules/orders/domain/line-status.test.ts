import { describe, expect, it } from 'vitest';
import { BUCKETS, countsFromPartial, emptyCounts, type BucketCounts } from './buckets';
import {
  LINE_STATUSES,
  deriveLineStatus,
  deriveLineStatusName,
  lineStatusByCode,
  lineStatusInfo,
  type LineStatus,
} from './line-status';

const derive = (p: Partial<BucketCounts>) => deriveLineStatus(countsFromPartial(p));

describe('LINE_STATUSES table', () => {
  it('has 23 unique statuses and codes', () => {
    expect(LINE_STATUSES).toHaveLength(23);
    expect(new Set(LINE_STATUSES.map((s) => s.status)).size).toBe(23);
    expect(new Set(LINE_STATUSES.map((s) => s.code)).size).toBe(23);
  });

  it('codes are 4-digit strings in ascending order', () => {
    for (const s of LINE_STATUSES) expect(s.code).toMatch(/^\d{4}$/);
    const codes = LINE_STATUSES.map((s) => Number(s.code));
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
  });

  it('lineStatusByCode round-trips every entry', () => {
    for (const s of LINE_STATUSES) expect(lineStatusByCode(s.code)).toEqual(s);
  });

  it('lineStatusByCode returns undefined for unknown codes', () => {
    expect(lineStatusByCode('1234')).toBeUndefined();
    expect(lineStatusByCode('')).toBeUndefined();
    expect(lineStatusByCode('OPEN')).toBeUndefined();
  });

  it('returned info objects are copies', () => {
    const a = lineStatusByCode('1000')!;
    a.label = 'mutated';
    expect(lineStatusByCode('1000')!.label).toBe('Open');
    const b = lineStatusInfo('OPEN');
    b.label = 'mutated';
    expect(lineStatusInfo('OPEN').label).toBe('Open');
  });

  it('lineStatusInfo throws for unknown names', () => {
    expect(() => lineStatusInfo('NOPE' as LineStatus)).toThrow();
  });
});

describe('explicitly required codes', () => {
  it('1000 Open', () => {
    expect(derive({ OPEN: 5 })).toEqual({ status: 'OPEN', code: '1000', label: 'Open' });
  });
  it('1050 Partially cancelled', () => {
    expect(derive({ OPEN: 3, CANCELLED: 2 })).toEqual({
      status: 'PARTIALLY_CANCELLED', code: '1050', label: 'Partially cancelled',
    });
  });
  it('3000 Released', () => {
    expect(derive({ RELEASED: 5 })).toEqual({ status: 'RELEASED', code: '3000', label: 'Released' });
  });
  it('3050 Partially released', () => {
    expect(derive({ RELEASED: 4, CANCELLED: 1 })).toEqual({
      status: 'PARTIALLY_RELEASED', code: '3050', label: 'Partially released',
    });
  });
  it('4000 Shipped', () => {
    expect(derive({ SHIPPED: 5 })).toEqual({ status: 'SHIPPED', code: '4000', label: 'Shipped' });
  });
  it('4050 Partially shipped', () => {
    expect(derive({ SHIPPED: 3, CANCELLED: 2 })).toEqual({
      status: 'PARTIALLY_SHIPPED', code: '4050', label: 'Partially shipped',
    });
  });
  it('9000 Cancelled', () => {
    expect(derive({ CANCELLED: 5 })).toEqual({ status: 'CANCELLED', code: '9000', label: 'Cancelled' });
  });
});

// One representative case per status, plus extra variants; every status in
// the table must be reachable (checked below).
const CASES: [Partial<BucketCounts>, LineStatus, string][] = [
  [{ OPEN: 1 }, 'OPEN', '1000'],
  [{ OPEN: 1, CANCELLED: 4 }, 'PARTIALLY_CANCELLED', '1050'],
  [{ ALLOCATED: 5 }, 'ALLOCATED', '1100'],
  [{ OPEN: 2, ALLOCATED: 3 }, 'ALLOCATING', '1125'],
  [{ OPEN: 2, ALLOCATED: 3, CANCELLED: 1 }, 'ALLOCATING', '1125'],
  [{ ALLOCATED: 3, CANCELLED: 2 }, 'ALLOCATED_PARTIALLY_CANCELLED', '1150'],
  [{ RELEASED: 2 }, 'RELEASED', '3000'],
  [{ ALLOCATED: 1, RELEASED: 1 }, 'RELEASING', '3025'],
  [{ OPEN: 1, RELEASED: 1 }, 'RELEASING', '3025'],
  [{ RELEASED: 1, CANCELLED: 1 }, 'PARTIALLY_RELEASED', '3050'],
  [{ PICKED: 2 }, 'PICKED', '3200'],
  [{ RELEASED: 1, PICKED: 1 }, 'PICKING', '3225'],
  [{ PICKED: 1, CANCELLED: 1 }, 'PICKED_PARTIALLY_CANCELLED', '3250'],
  [{ PACKED: 2 }, 'PACKED', '3350'],
  [{ OPEN: 1, PACKED: 1 }, 'PACKING', '3375'],
  [{ PACKED: 1, CANCELLED: 1 }, 'PACKED_PARTIALLY_CANCELLED', '3400'],
  [{ SHIPPED: 2 }, 'SHIPPED', '4000'],
  [{ PACKED: 1, SHIPPED: 1 }, 'SHIPPING', '4025'],
  [{ OPEN: 4, SHIPPED: 1, CANCELLED: 1 }, 'SHIPPING', '4025'],
  [{ SHIPPED: 1, CANCELLED: 1 }, 'PARTIALLY_SHIPPED', '4050'],
  [{ DELIVERED: 2 }, 'DELIVERED', '4500'],
  [{ SHIPPED: 1, DELIVERED: 1 }, 'DELIVERING', '4525'],
  [{ OPEN: 1, DELIVERED: 1 }, 'DELIVERING', '4525'],
  [{ DELIVERED: 1, CANCELLED: 1 }, 'DELIVERED_PARTIALLY_CANCELLED', '4550'],
  [{ RETURNED: 3 }, 'RETURNED', '8000'],
  [{ RETURNED: 1, CANCELLED: 2 }, 'RETURNED', '8000'],
  [{ DELIVERED: 1, RETURNED: 1 }, 'PARTIALLY_RETURNED', '8050'],
  [{ OPEN: 1, RETURNED: 1 }, 'PARTIALLY_RETURNED', '8050'],
  [{ SHIPPED: 1, RETURNED: 1, CANCELLED: 1 }, 'PARTIALLY_RETURNED', '8050'],
  [{ CANCELLED: 1 }, 'CANCELLED', '9000'],
];

describe('deriveLineStatus — table', () => {
  it.each(CASES)('%o → %s (%s)', (partial, status, code) => {
    const info = derive(partial);
    expect(info.status).toBe(status);
    expect(info.code).toBe(code);
    expect(info).toEqual(lineStatusByCode(code));
    expect(deriveLineStatusName(countsFromPartial(partial))).toBe(status);
  });

  it('every status in the table is reachable by some case', () => {
    const reached = new Set(CASES.map(([, s]) => s));
    for (const s of LINE_STATUSES) expect(reached.has(s.status)).toBe(true);
  });
});

describe('deriveLineStatus — rules', () => {
  it('cancelled wins only when every unit is cancelled', () => {
    expect(derive({ CANCELLED: 4, OPEN: 1 }).status).toBe('PARTIALLY_CANCELLED');
  });

  it('any returned unit takes precedence over fulfilment progress', () => {
    expect(derive({ OPEN: 1, ALLOCATED: 1, DELIVERED: 5, RETURNED: 1 }).status).toBe('PARTIALLY_RETURNED');
  });

  it('settled statuses ignore quantity', () => {
    for (const q of [1, 2, 17, 1_000_000]) expect(derive({ PICKED: q }).status).toBe('PICKED');
  });

  it('does not mutate the input', () => {
    const c = Object.freeze(countsFromPartial({ OPEN: 1, SHIPPED: 2 }));
    expect(derive(c).status).toBe('SHIPPING');
    expect(c).toEqual(countsFromPartial({ OPEN: 1, SHIPPED: 2 }));
  });
});

describe('deriveLineStatus — invalid input', () => {
  it('throws for a line with no units', () => {
    expect(() => deriveLineStatus(emptyCounts())).toThrow(RangeError);
  });

  it.each([-1, 1.5, NaN, Infinity])('throws when a bucket holds %s', (v) => {
    for (const b of BUCKETS) {
      expect(() => deriveLineStatus(countsFromPartial({ OPEN: 5, [b]: v }))).toThrow(RangeError);
    }
  });

  it('throws when a negative bucket would otherwise balance the total', () => {
    expect(() => derive({ OPEN: 2, CANCELLED: -1 })).toThrow(RangeError);
  });
});
