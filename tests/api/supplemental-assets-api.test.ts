// Supplemental orders and assets over HTTP (API.md "Supplemental and return orders, relations,
// assets"): every status code the endpoints answer, each refusal read back as having changed nothing.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/platform/db/client.ts";
import { call, databaseUrl, expectProblem, keyFor, orderBody } from "./client.ts";

let direct: Db | undefined;
const database = () => (direct ??= createDb(databaseUrl()));
afterAll(async () => {
  await direct?.$disconnect();
});

const ALL = () => keyFor("integration@demo.test", "*");
const BUYER = () => keyFor("buyer@demo.test", "orders:write,orders:read,returns:write");
const ROUTER = `SKU-API-ROUTER-${randomUUID().slice(0, 8)}`;
const router = { sku: ROUTER, itemName: "Router", category: "NETWORK", assetTracked: true, unitPrice: 5000, taxAmount: 0 };

/** An order of asset-tracked routers, every unit shipped and delivered: one asset per unit. */
async function deliveredRouters(quantity: number, buyerEmail = "buyer@demo.test") {
  const key = await ALL();
  const created = await call("POST", "/orders", { key, body: orderBody({ buyerEmail, payments: [{ method: "CARD", amount: 5000 * quantity }] }, { ...router, quantity }) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const order = created.body;
  expect((await call("POST", "/inventory/adjustments", { key, body: { sku: ROUTER, locationCode: "DC-EAST", quantity, reason: "RECEIPT" } })).status).toBe(201);
  for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP", "DELIVER"]) {
    const res = await call("POST", `/orders/${order.id}/fulfillment-events`, { key, body: { type, lines: [{ orderLineId: order.lines[0].id, quantity }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  return order;
}

const assetsOf = async (key: string, query: string) => {
  const res = await call("GET", `/assets?${query}`, { key });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { id: string; orderId: string; buyerEmail: string; status: string; inFlightOrderId: string | null }[];
};
const modify = (assetId: string, assetAction = "MODIFY") => ({
  type: "ADD_ON",
  reasonCode: "ADD_ITEMS",
  lines: [{ sku: "SKU-MUG", itemName: "Upgrade", category: "KITCHEN", storeCode: "acme", quantity: 1, unitPrice: 0, shipFromLocationCode: "DC-EAST", targetAssetId: assetId, assetAction }],
});
const children = (orderId: string) => database().order.count({ where: { parentOrderId: orderId, orderType: "SUPPLEMENTAL" } });

describe("assets over HTTP", () => {
  it("GET /assets: a buyer sees their own assets only, filtered by order, status and buyer; 422 an unknown status", async () => {
    const mine = await deliveredRouters(2);
    const theirs = await deliveredRouters(1, "buyer2@demo.test");
    const buyer = await BUYER();
    const buyer2 = await keyFor("buyer2@demo.test", "orders:read");
    expect((await assetsOf(buyer, `orderId=${mine.id}`)).map((a) => [a.orderId, a.buyerEmail, a.status, a.inFlightOrderId])).toEqual([
      [mine.id, "buyer@demo.test", "ACTIVE", null],
      [mine.id, "buyer@demo.test", "ACTIVE", null],
    ]);
    expect(await assetsOf(buyer, `orderId=${theirs.id}`)).toEqual([]);
    expect((await assetsOf(buyer, "limit=100")).every((a) => a.buyerEmail === "buyer@demo.test")).toBe(true);
    expect((await assetsOf(buyer2, `orderId=${theirs.id}`)).map((a) => a.buyerEmail)).toEqual(["buyer2@demo.test"]);
    expect(await assetsOf(buyer, `orderId=${mine.id}&status=RETURNED`)).toEqual([]);
    expect(await assetsOf(buyer, `orderId=${mine.id}&status=ACTIVE`)).toHaveLength(2);
    const ops = await ALL();
    expect(await assetsOf(ops, `orderId=${theirs.id}&buyerEmail=buyer2@demo.test`)).toHaveLength(1);
    expect(await assetsOf(ops, `orderId=${theirs.id}&buyerEmail=buyer@demo.test`)).toEqual([]);
    const page = await call("GET", `/assets?orderId=${mine.id}&limit=1`, { key: buyer });
    expect([page.body.items.length, typeof page.body.nextCursor]).toEqual([1, "string"]);
    expectProblem(await call("GET", `/assets?status=LOST`, { key: buyer }), 422, "VALIDATION_FAILED");
  });
});

describe("supplemental orders on assets over HTTP", () => {
  it("MODIFY or DISCONNECT another buyer's asset → 404, an asset not ACTIVE → 422; nothing created, no claim", async () => {
    const mine = await deliveredRouters(1);
    const theirs = await deliveredRouters(1, "buyer2@demo.test");
    const buyer = await BUYER();
    const [other] = await assetsOf(await ALL(), `orderId=${theirs.id}`);
    const path = `/orders/${mine.id}/supplemental-orders`;
    expectProblem(await call("POST", path, { key: buyer, body: modify(other!.id) }), 404, "NOT_FOUND");
    expectProblem(await call("POST", path, { key: buyer, body: modify(other!.id, "DISCONNECT") }), 404, "NOT_FOUND");
    // The buyer's own asset, once its unit is returned, is RETURNED: not modifiable.
    const [asset] = await assetsOf(buyer, `orderId=${mine.id}`);
    const r = (await call("POST", `/orders/${mine.id}/returns`, { key: buyer, body: { reasonCode: "WRONG_ITEM", lines: [{ orderLineId: mine.lines[0].id, quantity: 1 }] } })).body;
    await call("POST", `/returns/${r.id}/approve`, { key: await keyFor("director@demo.test", "approvals:write,orders:read"), body: {} });
    const received = await call("POST", `/returns/${r.id}/receive`, { key: await ALL(), body: { lines: [{ orderLineId: mine.lines[0].id, quantity: 1, disposition: "RESTOCK" }] } });
    expect(received.body.status, JSON.stringify(received.body)).toBe("COMPLETED");
    expect((await assetsOf(buyer, `orderId=${mine.id}`)).map((a) => a.status)).toEqual(["RETURNED"]);
    expectProblem(await call("POST", path, { key: buyer, body: modify(asset!.id) }), 422, "VALIDATION_FAILED");
    expectProblem(await call("POST", path, { key: buyer, body: modify(asset!.id, "DISCONNECT") }), 422, "VALIDATION_FAILED");
    expect(await children(mine.id)).toBe(0);
    expect(await database().assetClaim.count({ where: { assetId: { in: [asset!.id, other!.id] } } })).toBe(0);
    expect((await call("GET", `/orders/${mine.id}/related-orders`, { key: buyer })).body.items.map((i: { relation: string }) => i.relation)).toEqual(["RETURNS"]);
  });

  it("6 racing MODIFY requests on one asset: one 201, five 409 ASSET_IN_FLIGHT; GET /assets names the order in flight", async () => {
    const order = await deliveredRouters(1);
    const buyer = await BUYER();
    const [asset] = await assetsOf(buyer, `orderId=${order.id}`);
    const results = await Promise.all(Array.from({ length: 6 }, () => call("POST", `/orders/${order.id}/supplemental-orders`, { key: buyer, body: modify(asset!.id) })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expectProblem(r, 409, "ASSET_IN_FLIGHT");
    const won = results.find((r) => r.status === 201)!.body;
    expect(won).toMatchObject({ orderType: "SUPPLEMENTAL", supplementalType: "ADD_ON", parentOrderId: order.id });
    expect(await children(order.id)).toBe(1);
    expect(await database().assetClaim.findMany({ where: { assetId: asset!.id }, select: { orderId: true, active: true } })).toEqual([{ orderId: won.id, active: true }]);
    expect((await assetsOf(buyer, `orderId=${order.id}`))[0]!.inFlightOrderId).toBe(won.id);
  });
});

describe("replacements and billing adjustments over HTTP", () => {
  it("REPLACEMENT at no charge: 201 linked REPLACES, needing no payment", async () => {
    const order = await deliveredRouters(1);
    const seller = await keyFor("seller@demo.test", "orders:write,orders:read");
    const line = { ...router, storeCode: "acme", shipFromLocationCode: "DC-EAST", quantity: 1, unitPrice: 0, replacesOrderLineId: order.lines[0].id };
    const replaced = await call("POST", `/orders/${order.id}/supplemental-orders`, { key: seller, body: { type: "REPLACEMENT", reasonCode: "REPLACE_DAMAGED", lines: [line] } });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    expect(replaced.body).toMatchObject({ orderType: "SUPPLEMENTAL", supplementalType: "REPLACEMENT", parentOrderId: order.id, totals: { total: 0 }, payments: [] });
    const related = await call("GET", `/orders/${replaced.body.id}/related-orders`, { key: seller });
    expect(related.body.items).toEqual([expect.objectContaining({ orderId: order.id, relation: "REPLACES", direction: "OUTGOING" })]);
    expect((await database().orderLine.findFirstOrThrow({ where: { orderId: replaced.body.id } })).replacesOrderLineId).toBe(order.lines[0].id);
    expectProblem(await call("POST", `/orders/${order.id}/supplemental-orders`, { key: seller, body: { type: "REPLACEMENT", reasonCode: "REPLACE_DAMAGED", lines: [line] } }), 409, "INSUFFICIENT_QUANTITY");
    expect(await children(order.id)).toBe(1);
  });

  it("a goodwill credit is 201 and refunds the parent's card; more than is still refundable is 409 OVER_REFUND and creates nothing", async () => {
    const key = await ALL();
    const order = (await call("POST", "/orders", { key, body: orderBody({}, { quantity: 1 }) })).body;
    const path = `/orders/${order.id}/supplemental-orders`;
    const credit = (amount: number) => ({ type: "BILLING_ADJUSTMENT", reasonCode: "GOODWILL", amount, payments: [] });
    const created = await call("POST", path, { key, body: credit(-500) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ supplementalType: "BILLING_ADJUSTMENT", parentOrderId: order.id });
    const refunded = async () => {
      const o = (await call("GET", `/orders/${order.id}`, { key })).body;
      return [o.totals.refunded, o.payments[0].refunded];
    };
    expect(await refunded()).toEqual([500, 500]);
    expect((await call("GET", `/orders/${order.id}/related-orders`, { key })).body.items).toEqual([expect.objectContaining({ orderId: created.body.id, relation: "COMPENSATES" })]);
    expectProblem(await call("POST", path, { key, body: credit(-1701) }), 409, "OVER_REFUND");
    expect(await refunded()).toEqual([500, 500]);
    expect(await children(order.id)).toBe(1);
    expect(await database().financialAdjustment.count({ where: { orderId: order.id } })).toBe(1);
    expect((await call("POST", path, { key, body: credit(-1700) })).status).toBe(201);
    expect(await refunded()).toEqual([2200, 2200]);
  });

  it("If-Match: a stale parent version is 412 VERSION_MISMATCH and creates nothing; the current one is 201", async () => {
    const key = await ALL();
    const order = (await call("POST", "/orders", { key, body: orderBody({}, { quantity: 1 }) })).body;
    const read = await call("GET", `/orders/${order.id}`, { key });
    const etag = read.headers.get("etag")!;
    expect(etag).toBe(`"${read.body.version}"`);
    const path = `/orders/${order.id}/supplemental-orders`;
    const body = { type: "BILLING_ADJUSTMENT", reasonCode: "GOODWILL", amount: -100, payments: [] };
    const stale = await call("POST", path, { key, body, ifMatch: `"${read.body.version - 1}"` });
    expectProblem(stale, 412, "VERSION_MISMATCH");
    expect(stale.body.currentVersion).toBe(read.body.version);
    expect(await children(order.id)).toBe(0);
    const after = (await call("GET", `/orders/${order.id}`, { key })).body;
    expect([after.version, after.totals.refunded]).toEqual([read.body.version, 0]);
    const current = await call("POST", path, { key, body, ifMatch: etag });
    expect(current.status, JSON.stringify(current.body)).toBe(201);
    expect(await children(order.id)).toBe(1);
  });
});
