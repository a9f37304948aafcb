// A seller sees only their own stores' part of a mixed order, through every read: the order view
// (lines, totals, status, no tenders), its list row, the history, notes, cancellation requests and
// compensation tasks; and changes stock only at their own stores' locations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { formatted, leaksIn, type Forbidden } from "../support/leaks.ts";
import { IntakeOrder, type OrderViewT } from "../../lib/modules/orders/contracts/orders.ts";
import type { CancellationViewT } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { loadActor } from "../../lib/platform/auth/actor.ts";
import { intakeOrder } from "../../lib/modules/orders/server/intake-order.ts";
import { getOrder, getOrderHistory, listOrderNotes, listOrders } from "../../lib/modules/orders/server/queries.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { addOrderNote } from "../../lib/modules/orders/server/add-order-note.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { getCancellationRequest, listCancellationRequests } from "../../lib/modules/cancellations/server/queries.ts";
import { listCompensationTasks } from "../../lib/modules/compensation/server/compensation-tasks.ts";
import { adjustInventory, listSupply } from "../../lib/modules/inventory/server/adjust-inventory.ts";

// Amounts no other fixture uses, so finding one in a seller's answer means it leaked.
const ACME = { sku: "SKU-MUG", quantity: 3, unitPrice: 1117, tax: 339, total: 3690 };
const GLOBEX = { sku: "SKU-TENT", quantity: 3, unitPrice: 2357, tax: 723, total: 7794 };
const ORDER_TOTAL = ACME.total + GLOBEX.total; // 11484
// One unit of each: price + its third of the tax.
const ACME_REFUND = 1117 + 113;
const GLOBEX_REFUND = 2357 + 241;

describe.each(engines())("store scoping on %s", (engine) => {
  let f: Fixture;
  let order: OrderViewT;
  let acmeLine: string;
  let globexLine: string;
  let both: CancellationViewT;
  let globexOnly: CancellationViewT;
  let forAcme: Forbidden;

  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 50);
    await f.stock("SKU-TENT", "DC-WEST", 50);
    const ops = await f.as("ops@demo.test");
    order = await intakeOrder(
      f.db,
      await f.as("integration@demo.test"),
      IntakeOrder.parse({
        buyerEmail: "buyer@demo.test",
        currency: "USD",
        lines: [
          { sku: ACME.sku, itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: ACME.unitPrice, taxAmount: ACME.tax, shipFromLocationCode: "DC-EAST" },
          { sku: GLOBEX.sku, itemName: "Tent", category: "OUTDOOR", storeCode: "globex", quantity: 3, unitPrice: GLOBEX.unitPrice, taxAmount: GLOBEX.tax, shipFromLocationCode: "DC-WEST" },
        ],
        payments: [{ method: "CARD", amount: ORDER_TOTAL }],
      }),
    );
    [acmeLine, globexLine] = order.lines.map((l) => l.id) as [string, string];
    // One command across both stores, notes of each store and of the whole order, a request over
    // both stores' lines and one over the other store's line only.
    await recordFulfillmentEvent(f.db, ops, order.id, { type: "ALLOCATE", lines: [{ orderLineId: acmeLine, quantity: 3 }, { orderLineId: globexLine, quantity: 3 }] });
    await addOrderNote(f.db, await f.as("seller@demo.test"), order.id, { body: "ACME-ONLY-NOTE", visibility: "INTERNAL", notifyCustomer: false });
    await addOrderNote(f.db, await f.as("seller2@demo.test"), order.id, { body: "GLOBEX-ONLY-NOTE", visibility: "CUSTOMER", notifyCustomer: false });
    await addOrderNote(f.db, ops, order.id, { body: "WHOLE-ORDER-NOTE", visibility: "INTERNAL", notifyCustomer: false });
    const cancel = (lines: { orderLineId: string; quantity: number }[]) => ({
      cancellationType: "CUSTOMER_REQUEST" as const,
      reasonCode: "CUSTOMER_CHANGED_MIND",
      scope: { type: "LINES" as const, lines },
      refundMethod: "ORIGINAL_PAYMENT" as const,
      damaged: false,
    });
    both = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel([{ orderLineId: acmeLine, quantity: 1 }, { orderLineId: globexLine, quantity: 1 }]));
    globexOnly = await createCancellationRequest(f.db, await f.as("seller2@demo.test"), order.id, cancel([{ orderLineId: globexLine, quantity: 1 }]));
    const globexSub = await f.db.subOrder.findFirstOrThrow({ where: { orderId: order.id, store: { code: "globex" } } });
    const tender = await f.db.paymentTender.findFirstOrThrow({ where: { orderId: order.id } });
    forAcme = {
      values: [globexLine, globexSub.id, globexOnly.id, globexOnly.number, tender.id, GLOBEX.unitPrice, GLOBEX.total, GLOBEX.tax, ORDER_TOTAL, GLOBEX_REFUND, ACME_REFUND + GLOBEX_REFUND],
      texts: [GLOBEX.sku, "GLOBEX-ONLY-NOTE", "WHOLE-ORDER-NOTE", formatted(GLOBEX.total), formatted(ORDER_TOTAL), formatted(GLOBEX_REFUND), formatted(ACME_REFUND + GLOBEX_REFUND)],
    };
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("the fixture did what it says: both requests executed and the first one's refund was paid", async () => {
    expect(both.status).toBe("COMPLETED");
    expect(globexOnly.status).toBe("COMPLETED");
    expect((await f.db.order.findUniqueOrThrow({ where: { id: order.id } })).refunded).toBe(ACME_REFUND + 2 * GLOBEX_REFUND);
  });

  it("a seller reads their stores' lines, totals of those lines, their sub-order's status and no tenders", async () => {
    const seller = await f.as("seller@demo.test");
    const view = await getOrder(f.db, seller, order.id);
    const acmeSub = await f.db.subOrder.findFirstOrThrow({ where: { orderId: order.id, store: { code: "acme" } } });
    expect(view.view).toBe("STORES");
    expect(view.lines.map((l) => l.id)).toEqual([acmeLine]);
    expect(view.subOrders.map((s) => s.storeCode)).toEqual(["acme"]);
    expect(view.totals).toEqual({ subtotal: 3 * ACME.unitPrice, tax: ACME.tax, shipping: 0, discount: 0, total: ACME.total, refunded: ACME_REFUND });
    expect(view.status).toBe(acmeSub.status);
    expect(view.payments).toEqual([]);
    expect(leaksIn(view, forAcme)).toEqual([]);

    const row = (await listOrders(f.db, seller, { limit: 100, sort: "createdAt_desc" })).items.find((o) => o.id === order.id)!;
    expect(row).toMatchObject({ view: "STORES", storeCodes: ["acme"], lineCount: 1, unitCount: 3, status: acmeSub.status });
    expect(row.totals).toEqual(view.totals);
    expect(leaksIn(row, forAcme)).toEqual([]);
    const byStatus = await listOrders(f.db, seller, { limit: 100, sort: "createdAt_desc", status: acmeSub.status as "PREPARING" });
    expect(byStatus.items.map((o) => o.id)).toContain(order.id);
    // Another store's part does not decide what a seller's filters match.
    expect((await listOrders(f.db, seller, { limit: 100, sort: "createdAt_desc", storeCode: "globex" })).items.map((o) => o.id)).not.toContain(order.id);
    expect((await listOrders(f.db, seller, { limit: 100, sort: "createdAt_desc", storeCode: "acme" })).items.map((o) => o.id)).toContain(order.id);
    expect((await listOrders(f.db, await f.as("buyer@demo.test"), { limit: 100, sort: "createdAt_desc", storeCode: "globex" })).items.map((o) => o.id)).toContain(order.id);

    const buyer = await getOrder(f.db, await f.as("buyer@demo.test"), order.id);
    expect(buyer.view).toBe("ORDER");
    expect(buyer.totals.total).toBe(ORDER_TOTAL);
    expect(buyer.payments).toHaveLength(1);
  });

  it("a seller holding every store of the order sees the whole of it, tenders included", async () => {
    const stores = await f.db.store.findMany({ where: { code: { in: ["acme", "globex"] } } });
    await f.db.user.create({
      data: {
        email: "both-stores@demo.test",
        name: "Both",
        roles: { create: { role: "SELLER" } },
        memberships: { create: stores.map((s) => ({ storeId: s.id })) },
      },
    });
    const sellerOfBoth = (await loadActor(f.db, { email: "both-stores@demo.test" }, { via: "web" }))!;
    const view = await getOrder(f.db, sellerOfBoth, order.id);
    expect(view).toMatchObject({ view: "ORDER", totals: { total: ORDER_TOTAL } });
    expect(view.payments).toHaveLength(1);
    expect((await getOrderHistory(f.db, sellerOfBoth, order.id, { limit: 100 })).items.map((h) => h.action)).toContain("REFUND_PROCESSED");
  });

  it("history: a seller reads their stores' part of each entry, and nothing about the order's money as a whole", async () => {
    const { items } = await getOrderHistory(f.db, await f.as("seller@demo.test"), order.id, { limit: 100 });
    expect(leaksIn(items, forAcme)).toEqual([]);
    expect(items.map((h) => h.action)).toEqual([
      "ORDER_CREATED",
      "FULFILLMENT_ALLOCATE",
      "NOTE_ADDED",
      "CANCELLATION_REQUESTED",
      "CANCELLATION_EXECUTED",
      "CANCELLATION_COMPLETED",
    ]);
    const [created, allocated, , requested, executed] = items;
    expect(created!.description).toContain(formatted(ACME.total));
    expect(allocated!.description).toContain("3 × SKU-MUG");
    expect(allocated!.data).toMatchObject({ lines: [{ orderLineId: acmeLine, quantity: 3 }] });
    expect(requested!.description).toContain(formatted(ACME_REFUND));
    expect(executed!.data).toMatchObject({ cancellationRequestId: both.id, refund: { total: ACME_REFUND } });
    expect(executed!.description).toContain(`refund $${formatted(ACME_REFUND)} due`);
    expect(executed!.data).not.toHaveProperty("byTender");
    // Paged like the full trail.
    const first = await getOrderHistory(f.db, await f.as("seller@demo.test"), order.id, { limit: 4 });
    const rest = await getOrderHistory(f.db, await f.as("seller@demo.test"), order.id, { limit: 4, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].map((h) => h.id)).toEqual(items.map((h) => h.id));

    const globex = await getOrderHistory(f.db, await f.as("seller2@demo.test"), order.id, { limit: 100 });
    expect(globex.items.filter((h) => h.action === "CANCELLATION_EXECUTED").map((h) => (h.data as { refund: { total: number } }).refund.total)).toEqual([
      GLOBEX_REFUND,
      GLOBEX_REFUND,
    ]);
    expect(JSON.stringify(globex.items)).not.toContain("ACME-ONLY-NOTE");
    expect(JSON.stringify(globex.items)).not.toContain(acmeLine);

    const whole = await getOrderHistory(f.db, await f.as("buyer@demo.test"), order.id, { limit: 100 });
    expect(whole.items.map((h) => h.action)).toContain("REFUND_PROCESSED");
    expect(whole.items[0]!.description).toContain(formatted(ORDER_TOTAL));
    expect(whole.items.filter((h) => h.action === "NOTE_ADDED")).toHaveLength(3);
    const refunded = whole.items.find((h) => h.action === "REFUND_PROCESSED")!;
    expect(refunded.description).toBe(`Refunded $${formatted((refunded.data as { refundedNow: number }).refundedNow)} to the original payment`);
  });

  it("history: amounts stored as minor units by earlier releases read in the order's currency", async () => {
    await f.db.orderHistory.create({ data: { orderId: order.id, action: "RETURN_RECEIVED", actorLabel: "ops", description: "Return RT-9: 1 restock received, refund 19224 USD owed" } });
    const { items } = await getOrderHistory(f.db, await f.as("ops@demo.test"), order.id, { limit: 100 });
    expect(items.at(-1)!.description).toBe(`Return RT-9: 1 restock received, refund $${formatted(19224)} owed`);
    const stored = await f.db.orderHistory.findFirst({ where: { orderId: order.id, action: "RETURN_RECEIVED" } });
    expect(stored!.description).toContain("19224 USD");
  });

  it("notes: a seller reads their stores' notes only, the buyer customer-visible ones, OPS all", async () => {
    expect((await listOrderNotes(f.db, await f.as("seller@demo.test"), order.id)).map((n) => [n.body, n.storeCode])).toEqual([["ACME-ONLY-NOTE", "acme"]]);
    expect((await listOrderNotes(f.db, await f.as("seller2@demo.test"), order.id)).map((n) => n.body)).toEqual(["GLOBEX-ONLY-NOTE"]);
    expect((await listOrderNotes(f.db, await f.as("buyer@demo.test"), order.id)).map((n) => n.body)).toEqual(["GLOBEX-ONLY-NOTE"]);
    expect((await listOrderNotes(f.db, await f.as("ops@demo.test"), order.id)).map((n) => [n.body, n.storeCode]).sort()).toEqual([
      ["ACME-ONLY-NOTE", "acme"],
      ["GLOBEX-ONLY-NOTE", "globex"],
      ["WHOLE-ORDER-NOTE", null],
    ]);
    const before = await f.db.orderNote.count();
    const seller = await f.as("seller@demo.test");
    expect(await outcome(() => addOrderNote(f.db, seller, order.id, { body: "x", visibility: "INTERNAL", notifyCustomer: false, storeCode: "globex" }))).toBe(
      "VALIDATION_FAILED",
    );
    expect(await f.db.orderNote.count()).toBe(before);
  });

  it("requests: a seller sees those touching their lines, with only those lines and their refund share; another store's is 404", async () => {
    const seller = await f.as("seller@demo.test");
    const { items } = await listCancellationRequests(f.db, seller, order.id, { limit: 50 });
    expect(items.map((r) => r.id)).toEqual([both.id]);
    const mine = items[0]!;
    expect(mine.lines.map((l) => l.orderLineId)).toEqual([acmeLine]);
    expect(mine.refund).toMatchObject({ total: ACME_REFUND, refunded: ACME_REFUND, byTender: [] });
    expect(mine.compensationTasks.map((t) => [t.type, t.orderLineId])).toEqual([["RELEASE_ALLOCATION", acmeLine]]);
    expect(mine.assessment.inventory.every((i) => i.orderLineId === acmeLine)).toBe(true);
    expect(leaksIn(items, forAcme)).toEqual([]);
    expect(await getCancellationRequest(f.db, seller, order.id, both.id)).toEqual(mine);
    expect(await outcome(() => getCancellationRequest(f.db, seller, order.id, globexOnly.id))).toBe("NOT_FOUND");

    const globex = await listCancellationRequests(f.db, await f.as("seller2@demo.test"), order.id, { limit: 50 });
    expect(globex.items.map((r) => r.id)).toEqual([globexOnly.id, both.id]);
    expect(globex.items[1]!.lines.map((l) => l.orderLineId)).toEqual([globexLine]);
    expect(globex.items[1]!.refund.total).toBe(GLOBEX_REFUND);

    const whole = await getCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, both.id);
    expect(whole.lines).toHaveLength(2);
    expect(whole.refund.total).toBe(ACME_REFUND + GLOBEX_REFUND);
    expect(whole.refund.byTender).toHaveLength(1);
  });

  it("compensation tasks: a seller's queue holds only their stores' tasks", async () => {
    const { items } = await listCompensationTasks(f.db, await f.as("seller@demo.test"), { status: "ALL", orderId: order.id, limit: 100 });
    expect(items.map((t) => [t.type, t.storeCode, t.orderLineId])).toEqual([["RELEASE_ALLOCATION", "acme", acmeLine]]);
    const all = await listCompensationTasks(f.db, await f.as("ops@demo.test"), { status: "ALL", orderId: order.id, limit: 100 });
    expect(all.items.map((t) => t.type).sort()).toEqual(["ISSUE_REFUND", "ISSUE_REFUND", "RELEASE_ALLOCATION", "RELEASE_ALLOCATION", "RELEASE_ALLOCATION"]);
  });

  it("stock: a seller adjusts only at their own stores' locations; another store's is 404, a shared one 403, and nothing changes", async () => {
    const seller = await f.as("seller@demo.test");
    const supply = async (sku: string, code: string) =>
      f.db.inventorySupply.findFirst({ where: { item: { sku }, location: { code } }, select: { onHand: true, allocated: true } });
    const ledger = () => f.db.inventoryTransaction.count();
    const own = (await supply("SKU-MUG", "ACME-STORE"))!;
    const after = await adjustInventory(f.db, seller, { sku: "SKU-MUG", locationCode: "ACME-STORE", quantity: 5, reason: "RECEIPT" });
    expect(after).toMatchObject({ sku: "SKU-MUG", locationCode: "ACME-STORE", onHand: own.onHand + 5 });
    expect(await supply("SKU-MUG", "ACME-STORE")).toEqual({ onHand: own.onHand + 5, allocated: own.allocated });

    const theirs = await supply("SKU-TENT", "GLOBEX-STORE");
    const shared = await supply("SKU-MUG", "DC-EAST");
    const rows = await ledger();
    expect(await outcome(() => adjustInventory(f.db, seller, { sku: "SKU-TENT", locationCode: "GLOBEX-STORE", quantity: 5, reason: "RECEIPT" }))).toBe("NOT_FOUND");
    expect(await outcome(() => adjustInventory(f.db, seller, { sku: "SKU-MUG", locationCode: "GLOBEX-STORE", quantity: 5, reason: "RECEIPT" }))).toBe("NOT_FOUND");
    expect(await outcome(() => adjustInventory(f.db, seller, { sku: "SKU-MUG", locationCode: "NOWHERE", quantity: 5, reason: "RECEIPT" }))).toBe("NOT_FOUND");
    expect(await outcome(() => adjustInventory(f.db, seller, { sku: "SKU-MUG", locationCode: "DC-EAST", quantity: 5, reason: "RECEIPT" }))).toBe("FORBIDDEN");
    expect(await outcome(() => adjustInventory(f.db, seller, { sku: "SKU-NOPE", locationCode: "ACME-STORE", quantity: 5, reason: "RECEIPT" }))).toBe("VALIDATION_FAILED");
    expect(await supply("SKU-TENT", "GLOBEX-STORE")).toEqual(theirs);
    expect(await supply("SKU-MUG", "GLOBEX-STORE")).toBeNull();
    expect(await supply("SKU-MUG", "DC-EAST")).toEqual(shared);
    expect(await ledger()).toBe(rows);

    const ops = await f.as("ops@demo.test");
    expect(await adjustInventory(f.db, ops, { sku: "SKU-TENT", locationCode: "GLOBEX-STORE", quantity: 1, reason: "RECEIPT" })).toMatchObject({ onHand: theirs!.onHand + 1 });
    expect(await adjustInventory(f.db, ops, { sku: "SKU-MUG", locationCode: "DC-EAST", quantity: 1, reason: "RECEIPT" })).toMatchObject({ onHand: shared!.onHand + 1 });
    await f.assertConsistent();
  });

  it("stock reads: a seller sees shared locations and their own stores', never another store's", async () => {
    const codes = async (email: string, filter: { sku?: string; locationCode?: string } = {}) =>
      [...new Set((await listSupply(f.db, await f.as(email), filter)).map((r) => r.locationCode))].sort();
    expect(await codes("seller@demo.test")).toEqual(["ACME-STORE", "DC-EAST", "DC-WEST"]);
    expect(await codes("seller2@demo.test")).toEqual(["DC-EAST", "DC-WEST", "GLOBEX-STORE"]);
    expect(await codes("seller@demo.test", { locationCode: "GLOBEX-STORE" })).toEqual([]);
    expect(await codes("ops@demo.test")).toEqual(["ACME-STORE", "DC-EAST", "DC-WEST", "GLOBEX-STORE"]);
  });
});
