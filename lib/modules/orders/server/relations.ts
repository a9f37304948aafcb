import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { notFound } from "../../../platform/errors.ts";
import type { RelatedOrdersT } from "../contracts/relations.ts";
import { orderReadWhere } from "./scope.ts";

type Item = RelatedOrdersT["items"][number];
type Edge = { fromOrderId: string; toOrderId: string; type: string };

/** The most orders one graph walk visits (a guard against runaway graphs). */
const MAX_ORDERS = 200;

/**
 * The orders linked to one (SPEC §7), both directions, transitively: OUTGOING — what this order
 * (and each order it points at) points at, up to the root; INCOMING — what points at this order
 * (and at each of those), down to the leaves. The actor must be able to read the order; the graph
 * shows each linked order's type, status and the relation that links it.
 */
export async function relatedOrders(db: Db, actor: Actor, orderId: string): Promise<RelatedOrdersT> {
  authorize(actor, "order.read");
  const root = await db.order.findFirst({ where: { AND: [{ id: orderId }, orderReadWhere(actor)] }, select: { id: true } });
  if (!root) throw notFound("Order");
  const found = new Map<string, { relation: string; direction: Item["direction"]; via: string }>();
  for (const direction of ["OUTGOING", "INCOMING"] as const) {
    let frontier = [root.id];
    while (frontier.length && found.size < MAX_ORDERS) {
      const edges: Edge[] = await db.orderRelation.findMany({
        where: direction === "OUTGOING" ? { fromOrderId: { in: frontier } } : { toOrderId: { in: frontier } },
        select: { fromOrderId: true, toOrderId: true, type: true },
      });
      const next: string[] = [];
      for (const e of edges) {
        const [via, other] = direction === "OUTGOING" ? [e.fromOrderId, e.toOrderId] : [e.toOrderId, e.fromOrderId];
        if (other === root.id || found.has(other)) continue;
        found.set(other, { relation: e.type, direction, via });
        next.push(other);
      }
      frontier = next;
    }
  }
  const orders = await db.order.findMany({ where: { id: { in: [...found.keys()] } }, select: { id: true, number: true, orderType: true, status: true, createdAt: true } });
  const items = orders
    .map((o): Item => {
      const link = found.get(o.id)!;
      return { orderId: o.id, number: o.number, orderType: o.orderType, relation: link.relation as Item["relation"], direction: link.direction, status: o.status, createdAt: o.createdAt.toISOString(), viaOrderId: link.via };
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { items };
}
