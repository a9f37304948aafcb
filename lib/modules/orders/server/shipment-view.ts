import type { Prisma } from "../../../platform/db/client.ts";
import type { ShipmentViewT } from "../contracts/shipments.ts";
import type { OrderLineView } from "../contracts/order-line.ts";
import type { z } from "zod";
import { inStores, type StoreSet } from "./scope.ts";

/** What the order view reads of its shipments. */
export const SHIPMENT_VIEW_INCLUDE = {
  orderBy: [{ shippedAt: "asc" }, { number: "asc" }],
  include: {
    assignee: { select: { name: true } },
    lines: { orderBy: { createdAt: "asc" }, select: { orderLineId: true, quantity: true, delivered: true } },
    packages: { orderBy: { sequence: "asc" }, select: { boxSize: true, weightGrams: true } },
  },
} as const satisfies Prisma.Order$shipmentsArgs;

type ShipmentRow = Prisma.ShipmentGetPayload<{ include: (typeof SHIPMENT_VIEW_INCLUDE)["include"] }>;
type LineFacts = { id: string; lineNumber: number; sku: string; itemName: string };
type Codes = { stores: ReadonlyMap<string, string>; locations: ReadonlyMap<string, string> };

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The order's shipments the viewer sees (their stores'); staff read the packing notes and who shipped. */
export function shipmentViews(rows: readonly ShipmentRow[], lines: readonly LineFacts[], stores: StoreSet, codes: Codes, staff: boolean): ShipmentViewT[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  return rows
    .filter((s) => inStores(stores, s.storeId))
    .map((s) => ({
      id: s.id,
      number: s.number,
      storeCode: codes.stores.get(s.storeId) ?? s.storeId,
      locationCode: codes.locations.get(s.locationId) ?? s.locationId,
      assignee: staff ? (s.assignee?.name ?? null) : null,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      notes: staff ? s.notes : null,
      packages: s.packages,
      stages: {
        allocatedAt: iso(s.allocatedAt),
        releasedAt: iso(s.releasedAt),
        pickedAt: iso(s.pickedAt),
        packedAt: iso(s.packedAt),
        shippedAt: s.shippedAt.toISOString(),
        deliveredAt: iso(s.deliveredAt),
      },
      lines: s.lines.map((l) => {
        const line = byId.get(l.orderLineId);
        return { orderLineId: l.orderLineId, lineNumber: line?.lineNumber ?? 0, sku: line?.sku ?? "", itemName: line?.itemName ?? "", quantity: l.quantity, delivered: l.delivered };
      }),
    }));
}

type LineShipment = z.infer<typeof OrderLineView>["shipments"][number];
type LedgerShip = { quantity: number; reference: string | null; createdAt: Date };

/**
 * A line's shipments: from the shipment records that carried its units, or — for units shipped
 * before shipments were recorded — from its SHIP ledger entries.
 */
export function lineShipments(lineId: string, rows: readonly ShipmentRow[], ledger: readonly LedgerShip[]): LineShipment[] {
  const recorded = rows.flatMap((s) =>
    s.lines
      .filter((l) => l.orderLineId === lineId)
      .map((l) => ({
        quantity: l.quantity,
        trackingNumber: s.trackingNumber,
        carrier: s.carrier,
        shippedAt: s.shippedAt.toISOString(),
        delivered: l.delivered,
        deliveredAt: iso(s.deliveredAt),
      })),
  );
  if (recorded.length) return recorded;
  return ledger.map((e) => ({ quantity: e.quantity, trackingNumber: e.reference, carrier: null, shippedAt: e.createdAt.toISOString(), delivered: 0, deliveredAt: null }));
}
