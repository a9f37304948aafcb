import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { ShipmentInputT } from "../contracts/shipments.ts";
import { validationFailed } from "../../../platform/errors.ts";
import { nextNumber } from "../../../platform/db/numbers.ts";
import { formatWeight, shipmentGroups } from "../domain/shipments.ts";
import { recordOrderCommand, type LockedOrder } from "./order-command.ts";
import type { Move } from "./record-fulfillment-event-steps.ts";

export type ShipmentDetails = { trackingNumber?: string; shipment?: ShipmentInputT };

const STAGE_FIELDS = { ALLOCATED: "allocatedAt", RELEASED: "releasedAt", PICKED: "pickedAt", PACKED: "packedAt" } as const;

/** When the shipment's lines last had units reach each stage before shipping (from the quantity ledger). */
async function stageTimes(tx: Tx, lineIds: string[]) {
  const rows = await tx.quantityLedgerEntry.groupBy({
    by: ["toBucket"],
    where: { orderLineId: { in: lineIds }, toBucket: { in: ["ALLOCATED", "RELEASED", "PICKED", "PACKED"] } },
    _max: { createdAt: true },
  });
  const out: Partial<Record<(typeof STAGE_FIELDS)[keyof typeof STAGE_FIELDS], Date>> = {};
  for (const r of rows) if (r._max.createdAt) out[STAGE_FIELDS[r.toBucket as keyof typeof STAGE_FIELDS]] = r._max.createdAt;
  return out;
}

/** The existing shipment a SHIP event names: the same order, store and location, else 422. */
async function namedShipment(tx: Tx, order: LockedOrder, number: string, group: Move[], groups: number) {
  if (groups > 1) throw validationFailed([{ path: "shipment.number", message: "these lines ship from more than one store or location: leave the shipment number out" }]);
  const { storeId, shipFromLocationId } = group[0]!.line;
  const found = await tx.shipment.findFirst({ where: { orderId: order.id, number, storeId, locationId: shipFromLocationId } });
  if (!found) throw validationFailed([{ path: "shipment.number", message: `no shipment ${number} of this order leaves from these lines' store and location` }]);
  return found;
}

/**
 * The shipment record(s) of a SHIP step, in the command's transaction: one per store and location
 * of the moved lines, new (with the next SH- number) or, given `shipment.number`, the named one
 * with these units added. Records history and a ShipmentCreated event for each new one. Returns the ids.
 */
export async function recordShipments(tx: Tx, actor: Actor, order: LockedOrder, moves: Move[], details: ShipmentDetails): Promise<string[]> {
  const groups = shipmentGroups(moves);
  const ids: string[] = [];
  for (const group of groups) {
    const given = details.shipment?.number;
    const existing = given ? await namedShipment(tx, order, given, group, groups.length) : null;
    const lineIds = group.map((m) => m.line.id);
    const fields = {
      ...(await stageTimes(tx, lineIds)),
      ...(details.trackingNumber ? { trackingNumber: details.trackingNumber } : {}),
      ...(details.shipment?.carrier ? { carrier: details.shipment.carrier } : {}),
      ...(details.shipment?.notes ? { notes: details.shipment.notes } : {}),
    };
    const shipment = existing
      ? await tx.shipment.update({ where: { id: existing.id }, data: fields })
      : await tx.shipment.create({
          data: {
            number: await nextNumber(tx, "shipment", "SH-"),
            orderId: order.id,
            storeId: group[0]!.line.storeId,
            locationId: group[0]!.line.shipFromLocationId,
            assigneeId: actor.via === "system" ? null : actor.userId,
            shippedAt: new Date(),
            ...fields,
          },
        });
    await addLinesAndPackages(tx, shipment.id, group, details.shipment?.packages ?? []);
    if (!existing) await recordCreated(tx, actor, order, shipment, group, details);
    ids.push(shipment.id);
  }
  return ids;
}

async function addLinesAndPackages(tx: Tx, shipmentId: string, group: Move[], packages: NonNullable<ShipmentInputT["packages"]>) {
  for (const { line, quantity } of group) {
    await tx.shipmentLine.upsert({
      where: { shipmentId_orderLineId: { shipmentId, orderLineId: line.id } },
      create: { shipmentId, orderLineId: line.id, quantity },
      update: { quantity: { increment: quantity } },
    });
  }
  const last = await tx.shipmentPackage.findFirst({ where: { shipmentId }, orderBy: { sequence: "desc" }, select: { sequence: true } });
  const first = (last?.sequence ?? 0) + 1;
  if (packages.length) await tx.shipmentPackage.createMany({ data: packages.map((p, i) => ({ shipmentId, sequence: first + i, ...p })) });
}

async function recordCreated(
  tx: Tx,
  actor: Actor,
  order: LockedOrder,
  shipment: { id: string; number: string; storeId: string; locationId: string; carrier: string | null; trackingNumber: string | null },
  group: Move[],
  details: ShipmentDetails,
) {
  const [store, location] = await Promise.all([
    tx.store.findUniqueOrThrow({ where: { id: shipment.storeId }, select: { code: true } }),
    tx.location.findUniqueOrThrow({ where: { id: shipment.locationId }, select: { code: true } }),
  ]);
  const packages = details.shipment?.packages ?? [];
  const lines = group.map((m) => ({ orderLineId: m.line.id, quantity: m.quantity }));
  const units = group.map((m) => `${m.quantity} × ${m.line.sku}`).join(", ");
  const via = [shipment.carrier, shipment.trackingNumber && `tracking ${shipment.trackingNumber}`].filter(Boolean).join(", ");
  const boxes = packages.length ? `; ${packages.map((p) => `${p.boxSize} ${formatWeight(p.weightGrams)}`).join(", ")}` : "";
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: "SHIPMENT_CREATED",
      description: `Shipment ${shipment.number} from ${location.code}: ${units}${via ? ` (${via})` : ""}${boxes}`,
      data: { shipmentId: shipment.id, number: shipment.number, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, packages, lines },
      stores: [{ storeId: shipment.storeId }],
    },
    [
      {
        type: "ShipmentCreated",
        payload: { shipmentId: shipment.id, number: shipment.number, storeCode: store.code, locationCode: location.code, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, packages, lines },
      },
    ],
  );
}
