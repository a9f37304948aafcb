// How far a line's units have come, in the words a buyer or seller reads on a page. Pure reading of
// the bucket counts the server derived; nothing here decides what may happen to the units.

export interface LineQuantities {
  open: number;
  allocated: number;
  released: number;
  picked: number;
  packed: number;
  shipped: number;
  delivered: number;
  cancelled: number;
  returned: number;
}

export interface LineProgress {
  ordered: number;
  /** Not started yet (OPEN). */
  notStarted: number;
  /** Allocated, released, picked or packed: being prepared. */
  inProgress: number;
  /** Units that left the warehouse: shipped, delivered or since returned. */
  shipped: number;
  delivered: number;
  cancelled: number;
  returned: number;
  /** Units that are (or will be) fulfilled: ordered less cancelled. */
  toFulfil: number;
  /** Some units shipped, but not all that are still to be fulfilled. */
  partiallyShipped: boolean;
}

export function lineProgress(ordered: number, q: LineQuantities): LineProgress {
  const shipped = q.shipped + q.delivered + q.returned;
  const toFulfil = Math.max(0, ordered - q.cancelled);
  return {
    ordered,
    notStarted: q.open,
    inProgress: q.allocated + q.released + q.picked + q.packed,
    shipped,
    delivered: q.delivered,
    cancelled: q.cancelled,
    returned: q.returned,
    toFulfil,
    partiallyShipped: shipped > 0 && shipped < toFulfil,
  };
}

/** The partial-fulfilment phrase, e.g. "2 of 5 shipped". */
export function shippedPhrase(p: LineProgress): string {
  return `${p.shipped} of ${p.toFulfil} shipped`;
}

/** Buckets in pipeline order with display names, for bars and chips. */
export const BUCKET_DISPLAY = [
  { key: "open", label: "Open" },
  { key: "allocated", label: "Allocated" },
  { key: "released", label: "Released" },
  { key: "picked", label: "Picked" },
  { key: "packed", label: "Packed" },
  { key: "shipped", label: "Shipped" },
  { key: "delivered", label: "Delivered" },
  { key: "cancelled", label: "Cancelled" },
  { key: "returned", label: "Returned" },
] as const satisfies readonly { key: keyof LineQuantities; label: string }[];
