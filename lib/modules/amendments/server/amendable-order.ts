import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import { lineForRules } from "../../orders/server/line-counts.ts";
import { cancellableStores, inStores, orderCancelWhere } from "../../orders/server/scope.ts";
import { committedRefunds } from "../../cancellations/server/assessment.ts";
import type { AmendableOrder } from "../domain/change-command.ts";
import type { AmendmentTender } from "../domain/money-impact.ts";
import { orderFieldsOf } from "../../orders/server/order-field-columns.ts";

type OrderRow = Awaited<ReturnType<Tx["order"]["findFirstOrThrow"]>>;
type LineRow = Awaited<ReturnType<Tx["orderLine"]["findFirstOrThrow"]>>;

/** What an amendment's rules read, loaded for one actor. */
export interface LoadedOrder {
  row: OrderRow;
  lines: LineRow[];
  amendable: AmendableOrder;
  tenders: AmendmentTender[];
  orderRefundedTotal: number;
}

/**
 * An order-level change (address, contact, note, window) reaches every store's goods, so a
 * seller may make one only when every line of the order is in their stores; buyers amend their
 * own orders and operations any order.
 */
export function assertMayAmend(actor: Actor, row: OrderRow, lines: readonly LineRow[], touched: { orderLevel: boolean; lineIds: readonly string[] }) {
  const stores = cancellableStores(actor, row);
  const reachable = (l: LineRow) => inStores(stores, l.storeId);
  if (touched.orderLevel && !lines.every(reachable)) {
    throw new DomainError("FORBIDDEN", "Only the buyer or operations can change the delivery details of an order shared with other stores");
  }
  const foreign = touched.lineIds.filter((id) => {
    const line = lines.find((l) => l.id === id);
    return line !== undefined && !reachable(line);
  });
  if (foreign.length) throw notFound("Order line", { errors: foreign.map((id) => ({ path: "changes", message: `order line ${id} not found` })) });
}

/** Loads the order (in the actor's reach, else 404) as the amendment rules read it. `version` overrides the row's. */
export async function loadAmendable(tx: Tx, actor: Actor, orderId: string, options: { row?: OrderRow; version?: number } = {}): Promise<LoadedOrder> {
  const row = options.row ?? (await tx.order.findFirst({ where: { AND: [{ id: orderId }, orderCancelWhere(actor)] } }));
  if (!row) throw notFound("Order");
  const lines = await tx.orderLine.findMany({ where: { orderId: row.id }, orderBy: { lineNumber: "asc" } });
  const { tenders, total } = await committedRefunds(tx, row.id);
  const amendable: AmendableOrder = {
    id: row.id,
    version: options.version ?? row.version,
    ...orderFieldsOf(row),
    lines: lines.map(lineForRules),
  };
  return { row, lines, amendable, tenders, orderRefundedTotal: total };
}
