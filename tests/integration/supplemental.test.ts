// Supplemental orders (SPEC §7): an ADD_ON or a REPLACEMENT is a full order of its own, linked to
// its parent; a replacement never replaces more shipped units than there are.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { CreateSupplementalOrder } from "../../lib/modules/supplemental/contracts/supplemental.ts";
import { createSupplementalOrder } from "../../lib/modules/supplemental/server/create-supplemental.ts";
import { relatedOrders } from "../../lib/modules/orders/server/relations.ts";
import { createAddOnOrder } from "../../lib/modules/supplemental/server/add-on-order.ts";

const mug = { sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", shipFromLocationCode: "DC-EAST" };

describe.each(engines())("supplemental orders on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 1000);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("a buyer's add-on is an order of its own with its payment, linked SUPPLEMENTS; payments that do not add up store nothing", async () => {
    const o = await f.order({ quantity: 1 });
    const buyer = await f.as("buyer@demo.test");
    const body = (amount: number) => CreateSupplementalOrder.parse({ type: "ADD_ON", reasonCode: "ADD_ITEMS", lines: [{ ...mug, quantity: 2, unitPrice: 1000 }], payments: [{ method: "CARD", amount }] });
    expect(await outcome(() => createSupplementalOrder(f.db, buyer, o.id, body(1999)))).toBe("VALIDATION_FAILED");
    expect(await f.db.order.count({ where: { parentOrderId: o.id } })).toBe(0);
    const add = await createSupplementalOrder(f.db, buyer, o.id, body(2000));
    expect(add).toMatchObject({ orderType: "SUPPLEMENTAL", supplementalType: "ADD_ON", parentOrderId: o.id, totals: { total: 2000 } });
    const related = await relatedOrders(f.db, buyer, o.id);
    expect(related.items).toEqual([expect.objectContaining({ orderId: add.id, relation: "SUPPLEMENTS", direction: "INCOMING" })]);
    expect((await relatedOrders(f.db, buyer, add.id)).items).toEqual([expect.objectContaining({ orderId: o.id, direction: "OUTGOING" })]);
    expect(await outcome(async () => createSupplementalOrder(f.db, await f.as("buyer2@demo.test"), o.id, body(2000)))).toBe("NOT_FOUND");
    await f.assertConsistent();
  });

  it("a buyer's add-on of the order's own items is priced as the order was, paid with the agreed total, pinned to the version shown", async () => {
    // 3 mugs at 20.00 with 6.00 tax: each more costs 20.00 + 2.00.
    const o = await f.order({ quantity: 3 });
    const buyer = await f.as("buyer@demo.test");
    const addOn = (amount: number, sku = "SKU-MUG") => ({ reasonCode: "ADD_ITEMS", lines: [{ sku, quantity: 2 }], payment: { method: "CARD" as const, amount } });
    const stored = () => f.db.order.count({ where: { parentOrderId: o.id } });
    expect(await outcome(() => createAddOnOrder(f.db, buyer, o.id, addOn(4000)))).toBe("VALIDATION_FAILED");
    expect(await outcome(() => createAddOnOrder(f.db, buyer, o.id, addOn(4400, "SKU-TENT")))).toBe("VALIDATION_FAILED");
    expect(await outcome(() => createAddOnOrder(f.db, buyer, o.id, addOn(4400), { expectedVersion: o.version + 1 }))).toBe("VERSION_MISMATCH");
    expect(await outcome(() => createAddOnOrder(f.db, buyer, o.id, { ...addOn(4400), reasonCode: "NO_SUCH_REASON" }))).toBe("VALIDATION_FAILED");
    expect(await stored()).toBe(0);
    const add = await createAddOnOrder(f.db, buyer, o.id, addOn(4400), { expectedVersion: o.version });
    const row = await f.db.order.findUniqueOrThrow({ where: { id: add.id }, include: { lines: true, payments: true } });
    expect(row).toMatchObject({ orderType: "SUPPLEMENTAL", supplementalType: "ADD_ON", parentOrderId: o.id, total: 4400 });
    expect(row.lines.map((l) => [l.sku, l.quantity, l.unitPrice, l.taxAmount])).toEqual([["SKU-MUG", 2, 2000, 400]]);
    expect(row.payments.map((p) => [p.method, p.amount])).toEqual([["CARD", 4400]]);
    expect((await relatedOrders(f.db, buyer, o.id)).items).toEqual([expect.objectContaining({ orderId: add.id, relation: "SUPPLEMENTS", direction: "INCOMING" })]);
    await f.assertConsistent();
  });

  it("a free replacement of shipped units needs no payment and is linked REPLACES; never more than was shipped, never dearer", async () => {
    const o = await f.order({ quantity: 3 });
    const l = o.lines[0]!;
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"] as const) await recordFulfillmentEvent(f.db, seller, o.id, { type, lines: [{ orderLineId: l.id, quantity: 2 }] });
    const replace = (quantity: number, unitPrice = 0) =>
      CreateSupplementalOrder.parse({ type: "REPLACEMENT", reasonCode: "REPLACE_DAMAGED", lines: [{ ...mug, quantity, unitPrice, replacesOrderLineId: l.id }] });
    expect(await outcome(() => createSupplementalOrder(f.db, seller, o.id, replace(3)))).toBe("INSUFFICIENT_QUANTITY");
    expect(await outcome(() => createSupplementalOrder(f.db, seller, o.id, CreateSupplementalOrder.parse({ ...replace(1), lines: [{ ...mug, quantity: 1, unitPrice: 2500, replacesOrderLineId: l.id }], payments: [{ method: "CARD", amount: 2500 }] })))).toBe("VALIDATION_FAILED");
    const r = await createSupplementalOrder(f.db, seller, o.id, replace(2));
    expect(r).toMatchObject({ supplementalType: "REPLACEMENT", totals: { total: 0 }, lines: [{ quantity: 2 }] });
    expect((await f.db.orderLine.findFirstOrThrow({ where: { orderId: r.id } })).replacesOrderLineId).toBe(l.id);
    expect(await outcome(() => createSupplementalOrder(f.db, seller, o.id, replace(1)))).toBe("INSUFFICIENT_QUANTITY");
    expect((await f.db.orderRelation.findFirstOrThrow({ where: { fromOrderId: r.id } })).type).toBe("REPLACES");
    await f.assertConsistent();
  });

  it("a billing adjustment moves money only: a goodwill credit is refunded to the parent's card, a charge is paid by its own tender", async () => {
    const o = await f.order({ quantity: 1 });
    const ops = await f.as("ops@demo.test");
    const adjust = (amount: number, payments: unknown[] = []) => CreateSupplementalOrder.parse({ type: "BILLING_ADJUSTMENT", reasonCode: "GOODWILL", amount, payments });
    expect(await outcome(() => createSupplementalOrder(f.db, ops, o.id, adjust(0)))).toBe("VALIDATION_FAILED");
    expect(await outcome(() => createSupplementalOrder(f.db, ops, o.id, adjust(-500, [{ method: "CARD", amount: 500 }])))).toBe("VALIDATION_FAILED");
    expect(await outcome(() => createSupplementalOrder(f.db, ops, o.id, adjust(300, [{ method: "CARD", amount: 200 }])))).toBe("VALIDATION_FAILED");
    expect(await outcome(() => createSupplementalOrder(f.db, ops, o.id, adjust(-2201)))).toBe("OVER_REFUND");
    expect(await f.db.order.count({ where: { parentOrderId: o.id } })).toBe(0);
    const credit = await createSupplementalOrder(f.db, ops, o.id, adjust(-500));
    expect(credit).toMatchObject({ supplementalType: "BILLING_ADJUSTMENT", parentOrderId: o.id, status: "COMPLETED", totals: { total: 0 } });
    const parent = await f.db.order.findUniqueOrThrow({ where: { id: o.id }, include: { payments: true } });
    expect([parent.refunded, parent.payments[0]!.refunded]).toEqual([500, 500]);
    expect(await f.db.gatewayRefund.findMany({ where: { orderId: o.id }, select: { amount: true } })).toEqual([{ amount: 500 }]);
    const charge = await createSupplementalOrder(f.db, ops, o.id, adjust(300, [{ method: "CARD", amount: 300 }]));
    expect(charge).toMatchObject({ status: "COMPLETED", totals: { total: 300 } });
    const relations = await f.db.orderRelation.findMany({ where: { toOrderId: o.id }, orderBy: { createdAt: "asc" }, select: { type: true } });
    expect(relations.map((r) => r.type)).toEqual(["COMPENSATES", "SUPPLEMENTS"]);
    await f.assertConsistent();
  });
});
