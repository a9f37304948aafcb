import { describe, expect, it } from 'vitest';
import { countsFromPartial, emptyCounts, type BucketCounts } from './buckets';
import {
  AGGREGATE_STATUSES,
  AGGREGATE_STATUS_LABELS,
  deriveAggregateStatus,
  sumCounts,
  type AggregateStatus,
} from './order-status';

const L = (p: Partial<BucketCounts>) => countsFromPartial(p);
const derive = (...lines: Partial<BucketCounts>[]) => deriveAggregateStatus(lines.map(L));

describe('labels', () => {
  it('one label per status', () => {
    expect(Object.keys(AGGREGATE_STATUS_LABELS).sort()).toEqual([...AGGREGATE_STATUSES].sort());
    expect(AGGREGATE_STATUS_LABELS).toEqual({
      OPEN: 'Open',
      PREPARING: 'Preparing',
      PARTIALLY_SHIPPED: 'Partially shipped',
      SHIPPED: 'Shipped',
      DELIVERED: 'Delivered',
      CANCELLED: 'Cancelled',
    });
  });
});

describe('sumCounts', () => {
  it('adds bucket by bucket', () => {
    expect(sumCounts([L({ OPEN: 1, SHIPPED: 2 }), L({ OPEN: 3, RETURNED: 1 })])).toEqual(
      L({ OPEN: 4, SHIPPED: 2, RETURNED: 1 }),
    );
  });
  it('empty list sums to zero', () => {
    expect(sumCounts([])).toEqual(emptyCounts());
  });
  it('rejects invalid bucket values', () => {
    expect(() => sumCounts([L({ OPEN: -1 })])).toThrow(RangeError);
    expect(() => sumCounts([L({ OPEN: 0.5 })])).toThrow(RangeError);
  });
});

describe('deriveAggregateStatus — single line', () => {
  const cases: [Partial<BucketCounts>, AggregateStatus][] = [
    [{ OPEN: 3 }, 'OPEN'],
    [{ OPEN: 2, CANCELLED: 1 }, 'OPEN'],
    [{ ALLOCATED: 1 }, 'PREPARING'],
    [{ RELEASED: 1 }, 'PREPARING'],
    [{ PICKED: 1 }, 'PREPARING'],
    [{ PACKED: 1 }, 'PREPARING'],
    [{ OPEN: 5, ALLOCATED: 1 }, 'PREPARING'],
    [{ PACKED: 1, CANCELLED: 4 }, 'PREPARING'],
    [{ SHIPPED: 1, OPEN: 1 }, 'PARTIALLY_SHIPPED'],
    [{ DELIVERED: 1, PACKED: 1 }, 'PARTIALLY_SHIPPED'],
    [{ RETURNED: 1, OPEN: 1 }, 'PARTIALLY_SHIPPED'],
    [{ SHIPPED: 3 }, 'SHIPPED'],
    [{ SHIPPED: 1, DELIVERED: 2 }, 'SHIPPED'],
    [{ SHIPPED: 1, CANCELLED: 2 }, 'SHIPPED'],
    [{ SHIPPED: 1, RETURNED: 1 }, 'SHIPPED'],
    [{ DELIVERED: 3 }, 'DELIVERED'],
    [{ DELIVERED: 1, CANCELLED: 1 }, 'DELIVERED'],
    [{ DELIVERED: 1, RETURNED: 1 }, 'DELIVERED'],
    [{ CANCELLED: 2 }, 'CANCELLED'],
    [{ RETURNED: 2 }, 'SHIPPED'],
    [{ RETURNED: 1, CANCELLED: 1 }, 'SHIPPED'],
  ];
  it.each(cases)('%o → %s', (p, expected) => {
    expect(derive(p)).toBe(expected);
  });
});

describe('deriveAggregateStatus — mixed lines (precedence)', () => {
  const cases: [string, Partial<BucketCounts>[], AggregateStatus][] = [
    ['cancelled + open → OPEN', [{ CANCELLED: 2 }, { OPEN: 1 }], 'OPEN'],
    ['cancelled + shipped → SHIPPED', [{ CANCELLED: 2 }, { SHIPPED: 1 }], 'SHIPPED'],
    ['cancelled + delivered → DELIVERED', [{ CANCELLED: 2 }, { DELIVERED: 1 }], 'DELIVERED'],
    ['cancelled + packed → PREPARING', [{ CANCELLED: 1 }, { PACKED: 1 }], 'PREPARING'],
    ['shipped + open → PARTIALLY_SHIPPED', [{ SHIPPED: 1 }, { OPEN: 1 }], 'PARTIALLY_SHIPPED'],
    ['delivered + open → PARTIALLY_SHIPPED', [{ DELIVERED: 1 }, { OPEN: 1 }], 'PARTIALLY_SHIPPED'],
    ['shipped + packed → PARTIALLY_SHIPPED', [{ SHIPPED: 1 }, { PACKED: 1 }], 'PARTIALLY_SHIPPED'],
    ['packed + open → PREPARING', [{ PACKED: 1 }, { OPEN: 1 }], 'PREPARING'],
    ['allocated + open → PREPARING', [{ ALLOCATED: 1 }, { OPEN: 9 }], 'PREPARING'],
    ['shipped + delivered → SHIPPED', [{ SHIPPED: 1 }, { DELIVERED: 1 }], 'SHIPPED'],
    ['delivered + delivered → DELIVERED', [{ DELIVERED: 1 }, { DELIVERED: 4 }], 'DELIVERED'],
    ['cancelled + cancelled → CANCELLED', [{ CANCELLED: 1 }, { CANCELLED: 3 }], 'CANCELLED'],
    ['returned + cancelled → SHIPPED', [{ RETURNED: 1 }, { CANCELLED: 3 }], 'SHIPPED'],
    ['returned + open → PARTIALLY_SHIPPED', [{ RETURNED: 1 }, { OPEN: 1 }], 'PARTIALLY_SHIPPED'],
    ['returned + delivered → DELIVERED', [{ RETURNED: 1 }, { DELIVERED: 1 }], 'DELIVERED'],
    [
      'cancelled + open + shipped → PARTIALLY_SHIPPED',
      [{ CANCELLED: 1 }, { OPEN: 1 }, { SHIPPED: 1 }],
      'PARTIALLY_SHIPPED',
    ],
  ];
  it.each(cases)('%s', (_name, lines, expected) => {
    expect(derive(...lines)).toBe(expected);
  });

  it('line order does not matter', () => {
    const lines = [L({ CANCELLED: 1 }), L({ PACKED: 2 }), L({ OPEN: 1 })];
    expect(deriveAggregateStatus(lines)).toBe(deriveAggregateStatus([...lines].reverse()));
  });

  it('lines with zero units are tolerated when others have units', () => {
    expect(deriveAggregateStatus([emptyCounts(), L({ OPEN: 1 })])).toBe('OPEN');
  });
});

describe('deriveAggregateStatus — invalid input', () => {
  it('throws on an empty list', () => {
    expect(() => deriveAggregateStatus([])).toThrow(RangeError);
  });
  it('throws when no line has any units', () => {
    expect(() => deriveAggregateStatus([emptyCounts(), emptyCounts()])).toThrow(RangeError);
  });
  it('throws on negative counts', () => {
    expect(() => derive({ OPEN: 2, CANCELLED: -1 })).toThrow(RangeError);
  });
});
