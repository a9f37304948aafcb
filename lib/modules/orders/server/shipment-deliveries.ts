import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { WriteContention } from "../../../platform/db/tx.ts";
import { assignDeliveries, isFullyDelivered } from "../domain/shipments.ts";
import { recordOrderCommand, type LockedOrder } from "./order-command.ts";
import type { Move } from "./record-fulfillment-event-steps.ts";

/**
 * Delivered units, counted on the shipments that carried them (oldest first, conditionally so a
 * shipment line never counts more than it carried); a shipment whose every unit is delivered gets
 * its delivered time, a history entry and a ShipmentDelivered event.
 */
export async function recordDeliveries(tx: Tx, actor: Actor, order: LockedOrder, moves: Move[], now = new Date()) {
  const touched = new Set<string>();
  for (const { line, quantity } of moves) {
    const carried = await tx.shipmentLine.findMany({
      where: { orderLineId: line.id, shipment: { orderId: order.id } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    for (const d of assignDeliveries(carried, quantity)) {
      const max = carried.find((c) => c.id === d.id)!.quantity - d.add;
      const { count } = await tx.shipmentLine.updateMany({ where: { id: d.id, delivered: { lte: max } }, data: { delivered: { increment: d.add } } });
      if (count !== 1) throw new WriteContention(`shipment line ${d.id}`);
      touched.add(d.shipmentId);
    }
  }
  for (const shipmentId of touched) {
    const shipment = await tx.shipment.findUniqueOrThrow({ where: { id: shipmentId }, include: { lines: true } });
    if (shipment.deliveredAt || !isFullyDelivered(shipment.lines)) continue;
    await tx.shipment.update({ where: { id: shipmentId }, data: { deliveredAt: now } });
    await recordOrderCommand(
      tx,
      actor,
      order,
      {
        action: "SHIPMENT_DELIVERED",
        description: `Shipment ${shipment.number} delivered`,
        data: { shipmentId, number: shipment.number },
        stores: [{ storeId: shipment.storeId }],
      },
      [{ type: "ShipmentDelivered", payload: { shipmentId, number: shipment.number, deliveredAt: now.toISOString() } }],
    );
  }
}
