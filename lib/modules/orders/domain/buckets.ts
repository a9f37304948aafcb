// Every unit of an order line lives in exactly one bucket. Quantities only
// change by moving units between buckets, so the ledger of moves is the
// source of truth and bucket counts are always derivable from it.

export const BUCKETS = [
  'OPEN',
  'ALLOCATED',
  'RELEASED',
  'PICKED',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'RETURNED',
] as const;
export type Bucket = (typeof BUCKETS)[number];

// Progress order: a later index means the units are further along.
export const FULFILMENT_STAGES = [
  'OPEN',
  'ALLOCATED',
  'RELEASED',
  'PICKED',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
] as const;
export type FulfilmentStage = (typeof FULFILMENT_STAGES)[number];

export type BucketCounts = Record<Bucket, number>;

export function isBucket(value: unknown): value is Bucket {
  return typeof value === 'string' && (BUCKETS as readonly string[]).includes(value);
}

export function emptyCounts(): BucketCounts {
  return {
    OPEN: 0,
    ALLOCATED: 0,
    RELEASED: 0,
    PICKED: 0,
    PACKED: 0,
    SHIPPED: 0,
    DELIVERED: 0,
    CANCELLED: 0,
    RETURNED: 0,
  };
}

export function countsFromPartial(p: Partial<BucketCounts>): BucketCounts {
  const c = emptyCounts();
  for (const b of BUCKETS) {
    const v = p[b];
    if (v !== undefined) c[b] = v;
  }
  return c;
}

export function totalUnits(c: BucketCounts): number {
  let sum = 0;
  for (const b of BUCKETS) sum += c[b];
  return sum;
}

export function countsEqual(a: BucketCounts, b: BucketCounts): boolean {
  return BUCKETS.every((k) => a[k] === b[k]);
}

export const FULFILMENT_EVENTS = ['ALLOCATE', 'RELEASE', 'PICK', 'PACK', 'SHIP', 'DELIVER'] as const;
export type FulfilmentEventType = (typeof FULFILMENT_EVENTS)[number];

export const FULFILMENT_TRANSITIONS: Readonly<
  Record<FulfilmentEventType, { readonly from: Bucket; readonly to: Bucket }>
> = {
  ALLOCATE: { from: 'OPEN', to: 'ALLOCATED' },
  RELEASE: { from: 'ALLOCATED', to: 'RELEASED' },
  PICK: { from: 'RELEASED', to: 'PICKED' },
  PACK: { from: 'PICKED', to: 'PACKED' },
  SHIP: { from: 'PACKED', to: 'SHIPPED' },
  DELIVER: { from: 'SHIPPED', to: 'DELIVERED' },
};

// The whole move policy as data so it can be reviewed (and tested) at a
// glance. Cancellation is only possible before units leave the warehouse;
// once shipped, the only way back is a return. Terminal buckets are sinks.
export const ALLOWED_MOVES: Readonly<Record<Bucket, readonly Bucket[]>> = {
  OPEN: ['ALLOCATED', 'CANCELLED'],
  ALLOCATED: ['RELEASED', 'CANCELLED'],
  RELEASED: ['PICKED', 'CANCELLED'],
  PICKED: ['PACKED', 'CANCELLED'],
  PACKED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED', 'RETURNED'],
  DELIVERED: ['RETURNED'],
  CANCELLED: [],
  RETURNED: [],
};

export function isAllowedMove(from: Bucket, to: Bucket): boolean {
  // hasOwn guards against runtime strings such as '__proto__' from untyped input.
  if (!Object.prototype.hasOwnProperty.call(ALLOWED_MOVES, from)) return false;
  return ALLOWED_MOVES[from].includes(to);
}

export type MoveErrorCode = 'INVALID_QUANTITY' | 'ILLEGAL_MOVE' | 'INSUFFICIENT_QUANTITY';

export interface MoveError {
  code: MoveErrorCode;
  message: string;
  available?: number;
}

export type MoveResult = { ok: true; counts: BucketCounts } | { ok: false; error: MoveError };

export function isPositiveSafeInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
}

export function applyMove(counts: BucketCounts, from: Bucket, to: Bucket, qty: number): MoveResult {
  if (!isPositiveSafeInteger(qty)) {
    return {
      ok: false,
      error: { code: 'INVALID_QUANTITY', message: `Quantity must be a positive integer, got ${String(qty)}` },
    };
  }
  if (!isAllowedMove(from, to)) {
    return { ok: false, error: { code: 'ILLEGAL_MOVE', message: `Cannot move units from ${from} to ${to}` } };
  }
  const available = counts[from];
  if (available < qty) {
    return {
      ok: false,
      error: {
        code: 'INSUFFICIENT_QUANTITY',
        message: `Cannot move ${qty} unit(s) from ${from}: only ${available} available`,
        available,
      },
    };
  }
  const next = countsFromPartial(counts);
  next[from] = available - qty;
  next[to] = next[to] + qty;
  return { ok: true, counts: next };
}

export interface LedgerEntryLike {
  fromBucket: Bucket | null;
  toBucket: Bucket;
  quantity: number;
}

// Deliberately a plain sum with no policy checks: a corrupt ledger should
// surface as impossible counts (e.g. negatives) rather than be hidden here.
export function ledgerToCounts(entries: readonly LedgerEntryLike[]): BucketCounts {
  const c = emptyCounts();
  for (const e of entries) {
    if (e.fromBucket !== null) c[e.fromBucket] -= e.quantity;
    c[e.toBucket] += e.quantity;
  }
  return c;
}
