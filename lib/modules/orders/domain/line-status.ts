// A line's status is a pure function of where its units are. Storing it
// independently would let it drift from the ledger, so it is only ever derived.

import { BUCKETS, FULFILMENT_STAGES, totalUnits, type BucketCounts, type FulfilmentStage } from './buckets';

export const LINE_STATUSES = [
  { status: 'OPEN', code: '1000', label: 'Open' },
  { status: 'PARTIALLY_CANCELLED', code: '1050', label: 'Partially cancelled' },
  { status: 'ALLOCATED', code: '1100', label: 'Allocated' },
  { status: 'ALLOCATING', code: '1125', label: 'Allocation in progress' },
  { status: 'ALLOCATED_PARTIALLY_CANCELLED', code: '1150', label: 'Allocated, partially cancelled' },
  { status: 'RELEASED', code: '3000', label: 'Released' },
  { status: 'RELEASING', code: '3025', label: 'Release in progress' },
  { status: 'PARTIALLY_RELEASED', code: '3050', label: 'Partially released' },
  { status: 'PICKED', code: '3200', label: 'Picked' },
  { status: 'PICKING', code: '3225', label: 'Picking in progress' },
  { status: 'PICKED_PARTIALLY_CANCELLED', code: '3250', label: 'Picked, partially cancelled' },
  { status: 'PACKED', code: '3350', label: 'Packed' },
  { status: 'PACKING', code: '3375', label: 'Packing in progress' },
  { status: 'PACKED_PARTIALLY_CANCELLED', code: '3400', label: 'Packed, partially cancelled' },
  { status: 'SHIPPED', code: '4000', label: 'Shipped' },
  { status: 'SHIPPING', code: '4025', label: 'Shipping in progress' },
  { status: 'PARTIALLY_SHIPPED', code: '4050', label: 'Partially shipped' },
  { status: 'DELIVERED', code: '4500', label: 'Delivered' },
  { status: 'DELIVERING', code: '4525', label: 'Delivery in progress' },
  { status: 'DELIVERED_PARTIALLY_CANCELLED', code: '4550', label: 'Delivered, partially cancelled' },
  { status: 'RETURNED', code: '8000', label: 'Returned' },
  { status: 'PARTIALLY_RETURNED', code: '8050', label: 'Partially returned' },
  { status: 'CANCELLED', code: '9000', label: 'Cancelled' },
] as const;

export type LineStatus = (typeof LINE_STATUSES)[number]['status'];
export type LineStatusCode = (typeof LINE_STATUSES)[number]['code'];

export interface LineStatusInfo {
  status: LineStatus;
  code: string;
  label: string;
}

const BY_STATUS = new Map<string, LineStatusInfo>(LINE_STATUSES.map((s) => [s.status, s]));
const BY_CODE = new Map<string, LineStatusInfo>(LINE_STATUSES.map((s) => [s.code, s]));

export function lineStatusByCode(code: string): LineStatusInfo | undefined {
  const s = BY_CODE.get(code);
  return s ? { ...s } : undefined;
}

export function lineStatusInfo(status: LineStatus): LineStatusInfo {
  const s = BY_STATUS.get(status);
  if (!s) throw new Error(`Unknown line status ${status}`);
  return { ...s };
}

// Status when every active unit sits in one stage, without / with cancellations.
const SETTLED: Readonly<Record<FulfilmentStage, readonly [LineStatus, LineStatus]>> = {
  OPEN: ['OPEN', 'PARTIALLY_CANCELLED'],
  ALLOCATED: ['ALLOCATED', 'ALLOCATED_PARTIALLY_CANCELLED'],
  RELEASED: ['RELEASED', 'PARTIALLY_RELEASED'],
  PICKED: ['PICKED', 'PICKED_PARTIALLY_CANCELLED'],
  PACKED: ['PACKED', 'PACKED_PARTIALLY_CANCELLED'],
  SHIPPED: ['SHIPPED', 'PARTIALLY_SHIPPED'],
  DELIVERED: ['DELIVERED', 'DELIVERED_PARTIALLY_CANCELLED'],
};

// Status when active units are spread over stages, keyed by the most
// progressed one. OPEN is absent: a spread always has a stage beyond OPEN.
const IN_PROGRESS: Readonly<Record<Exclude<FulfilmentStage, 'OPEN'>, LineStatus>> = {
  ALLOCATED: 'ALLOCATING',
  RELEASED: 'RELEASING',
  PICKED: 'PICKING',
  PACKED: 'PACKING',
  SHIPPED: 'SHIPPING',
  DELIVERED: 'DELIVERING',
};

function assertValidCounts(counts: BucketCounts): void {
  for (const b of BUCKETS) {
    const v = counts[b];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw new RangeError(`Bucket ${b} must be a non-negative integer, got ${String(v)}`);
    }
  }
}

export function deriveLineStatusName(counts: BucketCounts): LineStatus {
  assertValidCounts(counts);
  const q = totalUnits(counts);
  if (q === 0) throw new RangeError('Cannot derive a status for a line with no units');

  const c = counts.CANCELLED;
  const r = counts.RETURNED;
  const active = q - c - r;

  if (c === q) return 'CANCELLED';
  if (r > 0) return active === 0 ? 'RETURNED' : 'PARTIALLY_RETURNED';

  let maxStage: FulfilmentStage = 'OPEN';
  for (const s of FULFILMENT_STAGES) if (counts[s] > 0) maxStage = s;

  // maxStage OPEN means every active unit is OPEN, so that case is settled too.
  if (maxStage === 'OPEN' || counts[maxStage] === active) return SETTLED[maxStage][c > 0 ? 1 : 0];
  return IN_PROGRESS[maxStage];
}

export function deriveLineStatus(counts: BucketCounts): LineStatusInfo {
  return lineStatusInfo(deriveLineStatusName(counts));
}
