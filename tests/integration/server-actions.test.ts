// The server-action wrapper's core (lib/platform/actions/run-action.ts) in front of real commands,
// with the session and Next's cache replaced by recorders: what reaches the database, and what not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import type { Actor } from "../../lib/platform/auth/actor.ts";
import { AddNote, FulfillmentEvent } from "../../lib/modules/orders/contracts/orders.ts";
import { addOrderNote } from "../../lib/modules/orders/server/add-order-note.ts";
import { getOrder, listOrderNotes } from "../../lib/modules/orders/server/queries.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { pagesShowing } from "../../lib/platform/actions/revalidation.ts";
import { FormId, FormVersion, NUL_MESSAGE, runAction, STALE_FORM, type ActionEffects } from "../../lib/platform/actions/run-action.ts";
import { formNumber, formRawText, formText } from "../../lib/platform/actions/action-result.ts";

function effectsFor(actor: Actor) {
  const revalidated: string[] = [];
  const effects: ActionEffects = {
    actor: async () => actor,
    revalidate: (path) => void revalidated.push(path),
    redirect: (path) => {
      throw new Error(`unexpected redirect to ${path}`);
    },
  };
  return { effects, revalidated };
}

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe.each(engines())("server actions on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const noteAction = () => ({
    name: "addOrderNote",
    ref: z.object({ orderId: FormId }),
    input: (form: FormData) => ({ body: formRawText(form, "body"), visibility: formText(form, "visibility"), notifyCustomer: form.get("notifyCustomer") === "on" }),
    schema: AddNote,
    run: (actor: Actor, input: z.output<typeof AddNote>, ref: { orderId: string }) => addOrderNote(f.db, actor, ref.orderId, input),
    revalidate: ({ ref }: { ref: { orderId: string } }) => pagesShowing.order(ref.orderId),
    onSuccess: () => ({ ok: true as const, message: "Internal note added." }),
  });

  it("stores a note and revalidates the order's pages", async () => {
    const order = await f.order();
    const { effects, revalidated } = effectsFor(await f.as("seller@demo.test"));
    const out = await runAction(noteAction(), form({ orderId: order.id, body: "  Pans wait for pickup. ", visibility: "INTERNAL" }), effects);
    expect(out).toEqual({ ok: true, message: "Internal note added." });
    const notes = await listOrderNotes(f.db, await f.as("seller@demo.test"), order.id);
    expect(notes.map((n) => n.body)).toEqual(["Pans wait for pickup."]);
    expect((await getOrder(f.db, await f.as("seller@demo.test"), order.id)).version).toBe(2);
    expect(revalidated).toEqual(expect.arrayContaining([`/seller/orders/${order.id}`, `/orders/${order.id}`, "/seller/tasks", "/approvals"]));
  });

  it("refuses a NUL character in the note with a field message; nothing is stored", async () => {
    const order = await f.order();
    const seller = await f.as("seller@demo.test");
    const { effects, revalidated } = effectsFor(seller);
    const out = await runAction(noteAction(), form({ orderId: order.id, body: "before\u0000after", visibility: "INTERNAL" }), effects);
    expect(out).toEqual({ ok: false, code: "VALIDATION_FAILED", message: "Please correct the highlighted fields.", fieldErrors: { body: NUL_MESSAGE } });
    expect(await listOrderNotes(f.db, seller, order.id)).toEqual([]);
    expect(await f.db.outboxEvent.count({ where: { orderId: order.id, type: { not: "OrderCreated" } } })).toBe(0);
    expect((await getOrder(f.db, seller, order.id)).version).toBe(1);
    expect(revalidated).toEqual([]);
  });

  it("answers a form pinned to an older order version with the reload message; no unit moves", async () => {
    const order = await f.order({ quantity: 3 });
    const seller = await f.as("seller@demo.test");
    const lineId = order.lines[0]!.id;
    const step = {
      name: "recordFulfillmentEvent",
      ref: z.object({ orderId: FormId, expectedVersion: FormVersion.optional() }),
      input: (form: FormData) => ({ type: formText(form, "type"), lines: [{ orderLineId: formText(form, "orderLineId"), quantity: formNumber(form, "quantity") }] }),
      schema: FulfillmentEvent,
      run: (actor: Actor, input: z.output<typeof FulfillmentEvent>, ref: { orderId: string; expectedVersion?: number }) =>
        recordFulfillmentEvent(f.db, actor, ref.orderId, input, { expectedVersion: ref.expectedVersion }),
      revalidate: ({ ref }: { ref: { orderId: string } }) => pagesShowing.order(ref.orderId),
    };
    const { effects, revalidated } = effectsFor(seller);

    const stale = await runAction(step, form({ orderId: order.id, expectedVersion: "0", orderLineId: lineId, type: "ALLOCATE", quantity: "1" }), effects);
    expect(stale).toMatchObject({ ok: false, code: "VERSION_MISMATCH", message: expect.stringMatching(/Reload the page/) });
    const broken = await runAction(step, form({ orderId: order.id, expectedVersion: "one", orderLineId: lineId, type: "ALLOCATE", quantity: "1" }), effects);
    expect(broken).toEqual({ ok: false, message: STALE_FORM, fieldErrors: {} });
    const after = await getOrder(f.db, seller, order.id);
    expect(after.version).toBe(1);
    expect(after.lines[0]!.quantities).toMatchObject({ open: 3, allocated: 0 });
    expect(revalidated).toEqual([]);

    expect(await runAction(step, form({ orderId: order.id, expectedVersion: "1", orderLineId: lineId, type: "ALLOCATE", quantity: "1" }), effects)).toEqual({ ok: true });
    expect((await getOrder(f.db, seller, order.id)).lines[0]!.quantities).toMatchObject({ open: 2, allocated: 1 });
  });
});
