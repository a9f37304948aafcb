import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/platform/db/client.ts";
import { failNextCharges } from "../../lib/modules/payments/server/built-in-gateway.ts";
import { call, databaseUrl, expectProblem, keyFor, orderBody } from "./client.ts";

let direct: Db | undefined;
const database = () => (direct ??= createDb(databaseUrl()));
afterAll(async () => {
  await direct?.$disconnect();
});

const ALL = () => keyFor("integration@demo.test", "*");

async function shippedOrder(quantity: number) {
  const key = await ALL();
  const order = (await call("POST", "/orders", { key, body: orderBody({}, { quantity }) })).body;
  const steps = ["RELEASE", "PICK", "PACK", "SHIP"];
  if (order.lines[0].quantities.open > 0) steps.unshift("ALLOCATE");
  for (const type of steps) {
    const res = await call("POST", `/orders/${order.id}/fulfillment-events`, { key, body: { type, lines: [{ orderLineId: order.lines[0].id, quantity }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  return order;
}

describe("returns over HTTP", () => {
  it("201 return of shipped units, received restocked and damaged, refunded, COMPLETED; the RETURN order is a related order both ways", async () => {
    const order = await shippedOrder(2);
    const buyer = await keyFor("buyer@demo.test", "returns:write,orders:read");
    const line = order.lines[0].id;
    const created = await call("POST", `/orders/${order.id}/returns`, { key: buyer, body: { reasonCode: "WRONG_ITEM", lines: [{ orderLineId: line, quantity: 2 }] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ number: expect.stringMatching(/^RT-/), status: "PENDING_APPROVAL", originalOrderId: order.id, lines: [{ orderLineId: line, quantity: 2, received: 0 }], refund: { total: 4400, refunded: 0 } });
    expect(created.body.approvals).toEqual([expect.objectContaining({ level: "DIRECTOR", status: "PENDING" })]);
    const manager = await keyFor("manager@demo.test", "approvals:write,orders:read");
    expectProblem(await call("POST", `/returns/${created.body.id}/approve`, { key: manager, body: {} }), 403, "FORBIDDEN");
    expectProblem(await call("POST", `/returns/${created.body.id}/approve`, { key: buyer, body: {} }), 403, "FORBIDDEN");
    const director = await keyFor("director@demo.test", "approvals:write,orders:read");
    expectProblem(await call("POST", `/returns/${created.body.id}/reject`, { key: director, body: {} }), 422, "VALIDATION_FAILED");
    const approved = await call("POST", `/returns/${created.body.id}/approve`, { key: director, body: { comment: "ok" } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe("AWAITING_RECEIPT");
    const listed = await call("GET", `/orders/${order.id}/returns`, { key: buyer });
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([created.body.id]);

    const seller = await keyFor("seller@demo.test", "fulfillment:write,orders:read");
    expectProblem(await call("POST", `/returns/${created.body.id}/receive`, { key: buyer, body: { lines: [{ orderLineId: line, quantity: 1, disposition: "RESTOCK" }] } }), 403, "FORBIDDEN");
    expectProblem(await call("POST", `/returns/${created.body.id}/receive`, { key: seller, body: { lines: [{ orderLineId: line, quantity: 1, disposition: "LOST" }] } }), 422, "VALIDATION_FAILED");
    expectProblem(await call("POST", `/returns/${created.body.id}/receive`, { key: seller, body: { lines: [{ orderLineId: line, quantity: 3, disposition: "RESTOCK" }] } }), 409, "CONFLICT");
    const received = await call("POST", `/returns/${created.body.id}/receive`, {
      key: seller,
      body: { lines: [{ orderLineId: line, quantity: 1, disposition: "RESTOCK" }, { orderLineId: line, quantity: 1, disposition: "DAMAGED" }], locationCode: "DC-EAST" },
    });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect(received.body).toMatchObject({ status: "COMPLETED", lines: [{ received: 2, restocked: 1, damaged: 1, refunded: 4400 }], refund: { refunded: 4400 } });
    expectProblem(await call("POST", `/returns/${created.body.id}/cancel`, { key: buyer }), 409, "CONFLICT");
    expectProblem(await call("POST", `/returns/${created.body.id}/receive`, { key: seller, body: { lines: [{ orderLineId: line, quantity: 1, disposition: "RESTOCK" }] } }), 409, "CONFLICT");

    const fromOriginal = await call("GET", `/orders/${order.id}/related-orders`, { key: buyer });
    expect(fromOriginal.body.items).toEqual([expect.objectContaining({ orderId: created.body.orderId, orderType: "RETURN", relation: "RETURNS", direction: "INCOMING", status: "COMPLETED" })]);
    const fromReturn = await call("GET", `/orders/${created.body.orderId}/related-orders`, { key: buyer });
    expect(fromReturn.body.items).toEqual([expect.objectContaining({ orderId: order.id, relation: "RETURNS", direction: "OUTGOING" })]);
    const original = await call("GET", `/orders/${order.id}`, { key: buyer });
    expect(original.body.lines[0].quantities).toMatchObject({ returned: 2, shipped: 0 });
  });

  it("409 INSUFFICIENT_QUANTITY for unshipped or held units, 422 unknown reason, 404 another buyer's order or return; nothing stored; cancel frees the units", async () => {
    const key = await ALL();
    const open = (await call("POST", "/orders", { key, body: orderBody({}, { quantity: 1 }) })).body;
    expectProblem(await call("POST", `/orders/${open.id}/returns`, { key, body: { reasonCode: "WRONG_ITEM", lines: [{ orderLineId: open.lines[0].id, quantity: 1 }] } }), 409, "INSUFFICIENT_QUANTITY");
    const order = await shippedOrder(1);
    const line = order.lines[0].id;
    expectProblem(await call("POST", `/orders/${order.id}/returns`, { key, body: { reasonCode: "CUSTOMER_CHANGED_MIND", lines: [{ orderLineId: line, quantity: 1 }] } }), 422, "VALIDATION_FAILED");
    expectProblem(await call("POST", `/orders/${order.id}/returns`, { key, body: { reasonCode: "WRONG_ITEM", lines: [{ orderLineId: line, quantity: 0 }] } }), 422, "VALIDATION_FAILED");
    const other = await keyFor("buyer2@demo.test", "returns:write,orders:read");
    expectProblem(await call("POST", `/orders/${order.id}/returns`, { key: other, body: { reasonCode: "WRONG_ITEM", lines: [{ orderLineId: line, quantity: 1 }] } }), 404, "NOT_FOUND");
    expect((await call("GET", `/orders/${order.id}/returns`, { key })).body.items).toHaveLength(0);
    const created = await call("POST", `/orders/${order.id}/returns`, { key, body: { reasonCode: "WRONG_ITEM", lines: [{ orderLineId: line, quantity: 1 }] } });
    expect(created.status).toBe(201);
    const director = await keyFor("director@demo.test", "approvals:write,orders:read");
    expectProblem(await call("POST", `/returns/no-such-return/approve`, { key: director, body: {} }), 404, "NOT_FOUND");
    expectProblem(await call("GET", `/returns/${created.body.id}`, { key: other }), 404, "NOT_FOUND");
    expectProblem(await call("POST", `/orders/${order.id}/returns`, { key, body: { reasonCode: "WRONG_ITEM", lines: [{ orderLineId: line, quantity: 1 }] } }), 409, "INSUFFICIENT_QUANTITY");
    const cancelled = await call("POST", `/returns/${created.body.id}/cancel`, { key });
    expect(cancelled.body.status).toBe("CANCELLED");
    const again = await call("POST", `/orders/${order.id}/returns`, { key, body: { reasonCode: "WRONG_ITEM", lines: [{ orderLineId: line, quantity: 1 }] } });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
  });
});

describe("return refusals over HTTP change nothing", () => {
  it("409 receiving a return not yet approved or beyond what it expects, 422 unknown disposition, 403 a buyer deciding or receiving, 404 another store's seller; then 409 returning units already returned", async () => {
    const order = await shippedOrder(2);
    const line = order.lines[0].id;
    const buyer = await keyFor("buyer@demo.test", "returns:write,orders:read,approvals:write,fulfillment:write");
    const seller = await keyFor("seller@demo.test", "fulfillment:write,orders:read");
    const director = await keyFor("director@demo.test", "approvals:write,orders:read");
    const created = (await call("POST", `/orders/${order.id}/returns`, { key: buyer, body: { reasonCode: "WRONG_ITEM", lines: [{ orderLineId: line, quantity: 2 }] } })).body;
    const receive = (quantity: number, disposition = "RESTOCK") => ({ lines: [{ orderLineId: line, quantity, disposition }], locationCode: "DC-EAST" });
    const unchanged = async (status: string) => {
      expect((await call("GET", `/returns/${created.id}`, { key: buyer })).body).toMatchObject({ status, lines: [{ quantity: 2, received: 0, restocked: 0, damaged: 0, refunded: 0 }], refund: { refunded: 0 } });
      expect((await call("GET", `/orders/${order.id}`, { key: buyer })).body.lines[0]).toMatchObject({ quantities: { shipped: 2, returned: 0 }, refunded: 0 });
      expect(await database().quantityLedgerEntry.count({ where: { orderLineId: line, toBucket: "RETURNED" } })).toBe(0);
      expect(await database().compensationTask.count({ where: { causeId: created.id } })).toBe(0);
    };

    expectProblem(await call("POST", `/returns/${created.id}/receive`, { key: seller, body: receive(1) }), 409, "CONFLICT");
    expectProblem(await call("POST", `/returns/${created.id}/approve`, { key: buyer, body: {} }), 403, "FORBIDDEN");
    expectProblem(await call("POST", `/returns/${created.id}/reject`, { key: buyer, body: { comment: "no" } }), 403, "FORBIDDEN");
    await unchanged("PENDING_APPROVAL");
    expect((await call("POST", `/returns/${created.id}/approve`, { key: director, body: {} })).body.status).toBe("AWAITING_RECEIPT");
    expectProblem(await call("POST", `/returns/${created.id}/receive`, { key: buyer, body: receive(1) }), 403, "FORBIDDEN");
    const otherStore = await keyFor("seller2@demo.test", "fulfillment:write,orders:read");
    expectProblem(await call("POST", `/returns/${created.id}/receive`, { key: otherStore, body: receive(1) }), 404, "NOT_FOUND");
    expectProblem(await call("POST", `/returns/${created.id}/receive`, { key: seller, body: receive(1, "LOST") }), 422, "VALIDATION_FAILED");
    expectProblem(await call("POST", `/returns/${created.id}/receive`, { key: seller, body: receive(3) }), 409, "CONFLICT");
    expectProblem(await call("POST", `/returns/${created.id}/receive`, { key: seller, body: { lines: [receive(2).lines[0], receive(1).lines[0]] } }), 409, "CONFLICT");
    await unchanged("AWAITING_RECEIPT");

    expect((await call("POST", `/returns/${created.id}/receive`, { key: seller, body: receive(2) })).body.status).toBe("COMPLETED");
    expectProblem(await call("POST", `/orders/${order.id}/returns`, { key: buyer, body: { reasonCode: "WRONG_ITEM", lines: [{ orderLineId: line, quantity: 1 }] } }), 409, "INSUFFICIENT_QUANTITY");
    expect((await call("GET", `/orders/${order.id}/returns`, { key: buyer })).body.items.map((r: { id: string }) => r.id)).toEqual([created.id]);
    expect((await call("GET", `/orders/${order.id}`, { key: buyer })).body.lines[0].quantities).toMatchObject({ shipped: 0, returned: 2 });
  });
});

describe("amendments of lines over HTTP", () => {
  it("a quantity increase is charged and applied (201 APPLIED); a declined charge is 201 FAILED with the reason and adds nothing", async () => {
    const key = await ALL();
    const order = (await call("POST", "/orders", { key, body: orderBody({}, { quantity: 2 }) })).body;
    const buyer = await keyFor("buyer@demo.test", "amendments:write,orders:read");
    const path = `/orders/${order.id}/amendment-requests`;
    const line = order.lines[0].id;
    const more = (from: number, to: number) => ({ reasonCode: "CUSTOMER_REQUEST", changes: [{ path: `/lines/${line}/quantity`, op: "REPLACE", oldValue: from, newValue: to }] });
    const applied = await call("POST", path, { key: buyer, body: more(2, 3) });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toMatchObject({ status: "APPLIED", impact: { charge: 2200, refund: 0 } });
    await failNextCharges(database(), order.id, "DECLINE", 1);
    const declined = await call("POST", path, { key: buyer, body: more(3, 4) });
    expect(declined.status, JSON.stringify(declined.body)).toBe(201);
    expect(declined.body).toMatchObject({ status: "FAILED", failureReason: expect.stringMatching(/declined/) });
    const read = await call("GET", `/orders/${order.id}`, { key: buyer });
    expect([read.body.lines[0].quantity, read.body.totals.total]).toEqual([3, 6600]);
  });
});

describe("supplemental orders over HTTP", () => {
  it("201 add-on linked SUPPLEMENTS; 422 payments not adding up or unknown reason; 409 replacing more than shipped; 404 another buyer's order", async () => {
    const order = await shippedOrder(1);
    const buyer = await keyFor("buyer@demo.test", "orders:write,orders:read");
    const path = `/orders/${order.id}/supplemental-orders`;
    const line = { sku: order.lines[0].sku, itemName: "More", category: "KITCHEN", storeCode: order.lines[0].storeCode, quantity: 1, unitPrice: 1500, shipFromLocationCode: "DC-EAST" };
    expectProblem(await call("POST", path, { key: buyer, body: { type: "ADD_ON", reasonCode: "ADD_ITEMS", lines: [line], payments: [{ method: "CARD", amount: 1000 }] } }), 422, "VALIDATION_FAILED");
    expectProblem(await call("POST", path, { key: buyer, body: { type: "ADD_ON", reasonCode: "NOPE", lines: [line], payments: [{ method: "CARD", amount: 1500 }] } }), 422, "VALIDATION_FAILED");
    const other = await keyFor("buyer2@demo.test", "orders:write,orders:read");
    expectProblem(await call("POST", path, { key: other, body: { type: "ADD_ON", reasonCode: "ADD_ITEMS", lines: [line], payments: [{ method: "CARD", amount: 1500 }] } }), 404, "NOT_FOUND");
    const add = await call("POST", path, { key: buyer, body: { type: "ADD_ON", reasonCode: "ADD_ITEMS", lines: [line], payments: [{ method: "CARD", amount: 1500 }] } });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    expect(add.body).toMatchObject({ orderType: "SUPPLEMENTAL", supplementalType: "ADD_ON", parentOrderId: order.id });
    const seller = await keyFor("seller@demo.test", "orders:write,orders:read");
    const replace = (quantity: number) => ({ type: "REPLACEMENT", reasonCode: "REPLACE_DAMAGED", lines: [{ ...line, quantity, unitPrice: 0, replacesOrderLineId: order.lines[0].id }] });
    expectProblem(await call("POST", path, { key: seller, body: replace(2) }), 409, "INSUFFICIENT_QUANTITY");
    const replaced = await call("POST", path, { key: seller, body: replace(1) });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    const related = await call("GET", `/orders/${order.id}/related-orders`, { key: buyer });
    expect(related.body.items.map((i: { relation: string }) => i.relation).sort()).toEqual(["REPLACES", "SUPPLEMENTS"]);
  });
});
