import type { Db } from "../../db/client.ts";
import type { Actor } from "../../auth/actor.ts";
import { actorLabel, authorize } from "../../auth/actor.ts";
import type { AddNoteInput } from "../../contracts/orders.ts";
import { inTransaction } from "../tx.ts";
import { lockOrder, recordOrderCommand } from "./order-command.ts";
import { orderWorkWhere } from "./scope.ts";

/** Adds an internal or customer-visible note; audited and emitted like every other command. */
export async function addOrderNote(db: Db, actor: Actor, orderId: string, input: AddNoteInput, options: { expectedVersion?: number } = {}) {
  authorize(actor, "order.note");
  return inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId, orderWorkWhere(actor), options.expectedVersion);
    const note = await tx.orderNote.create({
      data: {
        orderId: order.id,
        authorId: actor.userId,
        authorLabel: actorLabel(actor),
        visibility: input.visibility,
        body: input.body,
        notifyCustomer: input.visibility === "CUSTOMER" && input.notifyCustomer,
      },
    });
    await recordOrderCommand(
      tx,
      actor,
      order,
      {
        action: "NOTE_ADDED",
        description: `${input.visibility === "CUSTOMER" ? "Customer-visible" : "Internal"} note added`,
        data: { noteId: note.id, visibility: input.visibility, notifyCustomer: note.notifyCustomer },
      },
      [{ type: "OrderNoteAdded", payload: { noteId: note.id, visibility: input.visibility, notifyCustomer: note.notifyCustomer } }],
    );
    return { id: note.id, body: note.body, visibility: note.visibility, createdAt: note.createdAt.toISOString(), orderVersion: order.version };
  });
}
