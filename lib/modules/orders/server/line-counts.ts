import type { Bucket, BucketCounts } from "../domain/buckets.ts";

/** Column on order_lines that caches each bucket's count. */
export const BUCKET_COLUMN = {
  OPEN: "qtyOpen",
  ALLOCATED: "qtyAllocated",
  RELEASED: "qtyReleased",
  PICKED: "qtyPicked",
  PACKED: "qtyPacked",
  SHIPPED: "qtyShipped",
  DELIVERED: "qtyDelivered",
  CANCELLED: "qtyCancelled",
  RETURNED: "qtyReturned",
} as const satisfies Record<Bucket, string>;

type LineQuantities = { [K in (typeof BUCKET_COLUMN)[Bucket]]: number };

export function countsOfLine(line: LineQuantities): BucketCounts {
  return {
    OPEN: line.qtyOpen,
    ALLOCATED: line.qtyAllocated,
    RELEASED: line.qtyReleased,
    PICKED: line.qtyPicked,
    PACKED: line.qtyPacked,
    SHIPPED: line.qtyShipped,
    DELIVERED: line.qtyDelivered,
    CANCELLED: line.qtyCancelled,
    RETURNED: line.qtyReturned,
  };
}

type StoredLine = LineQuantities & { id: string; lineNumber: number; sku: string; quantity: number; unitPrice: number; taxAmount: number; shippingAmount: number; discountAmount: number };

/** A stored line as the change rules read it: its money and its units per bucket. */
export function lineForRules(l: StoredLine) {
  return {
    id: l.id,
    lineNumber: l.lineNumber,
    sku: l.sku,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    taxAmount: l.taxAmount,
    shippingAmount: l.shippingAmount,
    discountAmount: l.discountAmount,
    counts: countsOfLine(l),
  };
}
