import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel, authorize } from "../../../platform/auth/actor.ts";
import type { AddNoteInput } from "../contracts/orders.ts";
import { validationFailed } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { lockOrder, recordOrderCommand } from "./order-command.ts";
import { inStores, orderWorkWhere, workableStores } from "./scope.ts";
import { sameForStores } from "../../audit/server/audit.ts";

/**
 * Adds an internal or customer-visible note; audited and emitted like every other command. A note
 * is about one store's part of the order (that store's sellers see it) or about the whole order
 * (only who sees the whole order does): see `AddNote.storeCode`.
 */
export async function addOrderNote(db: Db, actor: Actor, orderId: string, input: AddNoteInput, options: { expectedVersion?: number } = {}) {
  authorize(actor, "order.note");
  return inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId, orderWorkWhere(actor), options.expectedVersion);
    const subOrders = await tx.subOrder.findMany({ where: { orderId: order.id }, include: { store: { select: { code: true } } }, orderBy: { createdAt: "asc" } });
    const workable = workableStores(actor);
    const mine = subOrders.filter((s) => inStores(workable, s.storeId));
    let subOrder: (typeof subOrders)[number] | null;
    if (input.storeCode) {
      subOrder = mine.find((s) => s.store.code === input.storeCode) ?? null;
      if (!subOrder) throw validationFailed([{ path: "storeCode", message: `no part of this order belongs to a store ${input.storeCode} you work for` }]);
    } else if (mine.length === subOrders.length) {
      subOrder = null;
    } else if (mine.length === 1) {
      subOrder = mine[0]!;
    } else {
      throw validationFailed([{ path: "storeCode", message: `choose the store this note is about: ${mine.map((s) => s.store.code).join(", ")}` }]);
    }
    const note = await tx.orderNote.create({
      data: {
        orderId: order.id,
        subOrderId: subOrder?.id ?? null,
        authorId: actor.userId,
        authorLabel: actorLabel(actor),
        visibility: input.visibility,
        body: input.body,
        notifyCustomer: input.visibility === "CUSTOMER" && input.notifyCustomer,
      },
    });
    const storeCode = subOrder?.store.code ?? null;
    await recordOrderCommand(
      tx,
      actor,
      order,
      {
        action: "NOTE_ADDED",
        description: `${input.visibility === "CUSTOMER" ? "Customer-visible" : "Internal"} note added${storeCode ? ` for ${storeCode}` : ""}`,
        data: { noteId: note.id, visibility: input.visibility, notifyCustomer: note.notifyCustomer, storeCode },
        stores: sameForStores(subOrder ? [subOrder.storeId] : []),
      },
      [{ type: "OrderNoteAdded", payload: { noteId: note.id, visibility: input.visibility, notifyCustomer: note.notifyCustomer, storeCode } }],
    );
    return { id: note.id, body: note.body, visibility: note.visibility, storeCode, createdAt: note.createdAt.toISOString(), orderVersion: order.version };
  });
}
