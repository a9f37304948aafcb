// Sub-orders and orders summarise many lines, so their status is coarser than
// a line's and is computed from the summed counts rather than from line
// statuses: that makes mixed lines resolve by precedence
// (Shipped > Preparing > Open > Cancelled) without a combinatorial table.

import { BUCKETS, emptyCounts, totalUnits, type BucketCounts } from './buckets';

export const AGGREGATE_STATUSES = [
  'OPEN',
  'PREPARING',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
] as const;
export type AggregateStatus = (typeof AGGREGATE_STATUSES)[number];

export const AGGREGATE_STATUS_LABELS: Readonly<Record<AggregateStatus, string>> = {
  OPEN: 'Open',
  PREPARING: 'Preparing',
  PARTIALLY_SHIPPED: 'Partially shipped',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};

export function sumCounts(lines: readonly BucketCounts[]): BucketCounts {
  const sum = emptyCounts();
  for (const line of lines) {
    for (const b of BUCKETS) {
      const v = line[b];
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
        throw new RangeError(`Bucket ${b} must be a non-negative integer, got ${String(v)}`);
      }
      sum[b] += v;
    }
  }
  return sum;
}

export function deriveAggregateStatus(lines: readonly BucketCounts[]): AggregateStatus {
  if (lines.length === 0) throw new RangeError('Cannot derive a status without lines');
  const s = sumCounts(lines);
  const total = totalUnits(s);
  if (total === 0) throw new RangeError('Cannot derive a status for lines with no units');

  const active = total - s.CANCELLED - s.RETURNED;
  // Returned units did leave the warehouse, so a fully returned order reads as
  // shipped rather than cancelled.
  if (active === 0) return s.RETURNED > 0 ? 'SHIPPED' : 'CANCELLED';
  if (s.DELIVERED === active) return 'DELIVERED';
  if (s.SHIPPED + s.DELIVERED === active) return 'SHIPPED';
  if (s.SHIPPED + s.DELIVERED + s.RETURNED > 0) return 'PARTIALLY_SHIPPED';
  if (s.ALLOCATED + s.RELEASED + s.PICKED + s.PACKED > 0) return 'PREPARING';
  return 'OPEN';
}
