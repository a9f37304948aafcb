// Pure rules of shipment records: which units travel together, and which shipment a delivered
// unit arrived in.

/** Units that leave together: one shipment per store and ship-from location of the moved lines. */
export function shipmentGroups<M extends { line: { storeId: string; shipFromLocationId: string } }>(moves: readonly M[]): M[][] {
  const groups = new Map<string, M[]>();
  for (const m of moves) {
    const key = `${m.line.storeId}\u0000${m.line.shipFromLocationId}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()];
}

export type CarriedLine = { id: string; shipmentId: string; quantity: number; delivered: number };

/**
 * Delivered units of one order line, assigned to the shipments that carried them, oldest first:
 * each shipment line takes what it carried and is not yet delivered. Returns the increments per
 * shipment line; units no shipment accounts for (shipped before shipments were recorded) are left out.
 */
export function assignDeliveries(carried: readonly CarriedLine[], units: number): { id: string; shipmentId: string; add: number }[] {
  const out: { id: string; shipmentId: string; add: number }[] = [];
  let left = units;
  for (const c of carried) {
    if (left <= 0) break;
    const add = Math.min(left, c.quantity - c.delivered);
    if (add > 0) {
      out.push({ id: c.id, shipmentId: c.shipmentId, add });
      left -= add;
    }
  }
  return out;
}

/** A shipment is delivered once every unit it carried is. */
export function isFullyDelivered(lines: readonly { quantity: number; delivered: number }[]): boolean {
  return lines.length > 0 && lines.every((l) => l.delivered >= l.quantity);
}

/** Grams as the seller reads them: "850 g", "1.25 kg". */
export function formatWeight(grams: number): string {
  if (grams < 1000) return `${grams} g`;
  return `${Number((grams / 1000).toFixed(3))} kg`;
}

/** A weight typed in kilograms ("1,25" or "1.25") → whole grams, or null when it is not a positive number. */
export function kilogramsToGrams(text: string): number | null {
  const n = Number(text.trim().replace(",", "."));
  if (!text.trim() || !Number.isFinite(n) || n <= 0) return null;
  return Math.round(n * 1000);
}
