import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { call, keyFor, orderBody } from "./client.ts";

const ALL = () => keyFor("integration@demo.test", "*");

async function newOrder(quantity = 5) {
  const res = await call("POST", "/orders", { key: await ALL(), body: orderBody({}, { quantity }) });
  expect(res.status).toBe(201);
  return res.body;
}

function expectProblem(res: { status: number; headers: Headers; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
}

describe("orders over HTTP", () => {
  it("201 on intake with the order shape of the contract and an ETag; 200 on read", async () => {
    const res = await call("POST", "/orders", { key: await ALL(), body: orderBody() });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.body).toMatchObject({
      number: expect.stringMatching(/^CM-/),
      version: 1,
      status: "OPEN",
      currency: "USD",
      orderType: "STANDARD",
      buyerEmail: "buyer@demo.test",
      totals: { subtotal: 10000, tax: 1000, shipping: 0, discount: 0, total: 11000, refunded: 0 },
      subOrders: [{ storeCode: "acme", status: "OPEN", refunded: 0 }],
      lines: [
        {
          lineNumber: 1,
          sku: "SKU-MUG",
          storeCode: "acme",
          quantity: 5,
          unitPrice: 2000,
          taxAmount: 1000,
          quantities: { open: 5, allocated: 0, released: 0, picked: 0, packed: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0 },
          status: "OPEN",
          statusCode: "1000",
          refunded: 0,
        },
      ],
      payments: [{ method: "CARD", amount: 11000, refunded: 0 }],
    });
    const read = await call("GET", `/orders/${res.body.id}`, { key: await keyFor("buyer@demo.test", "orders:read") });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe('"1"');
    expect(read.body.id).toBe(res.body.id);
  });

  it("replays the same Idempotency-Key + body without a second order; another body → 409", async () => {
    const key = await ALL();
    const idem = randomUUID();
    const body = orderBody();
    const first = await call("POST", "/orders", { key, body, idempotencyKey: idem });
    const again = await call("POST", "/orders", { key, body, idempotencyKey: idem });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const listed = await call("GET", `/orders?buyerEmail=buyer@demo.test&limit=100`, { key });
    expect(listed.body.items.filter((o: any) => o.id === first.body.id)).toHaveLength(1);
    const history = await call("GET", `/orders/${first.body.id}/history`, { key });
    expect(history.body.items.map((h: any) => h.action)).toEqual(["ORDER_CREATED"]);
    expectProblem(await call("POST", "/orders", { key, body: orderBody(), idempotencyKey: idem }), 409, "IDEMPOTENCY_KEY_REUSED");
  });

  it("400 on malformed JSON and on a missing Idempotency-Key", async () => {
    const key = await ALL();
    expectProblem(await call("POST", "/orders", { key, rawBody: "{ not json" }), 400, "MALFORMED_JSON");
    expectProblem(await call("POST", "/orders", { key, body: orderBody(), idempotencyKey: null }), 400, "IDEMPOTENCY_KEY_REQUIRED");
  });

  it("401 without a key or with an unknown key; 403 when the key lacks the scope or the user the role", async () => {
    expectProblem(await call("GET", "/orders"), 401, "UNAUTHENTICATED");
    expectProblem(await call("GET", "/orders", { key: "cm_not-a-real-key" }), 401, "UNAUTHENTICATED");
    const readOnly = await keyFor("integration@demo.test", "orders:read");
    expectProblem(await call("POST", "/orders", { key: readOnly, body: orderBody() }), 403, "FORBIDDEN");
    const buyer = await keyFor("buyer@demo.test", "*");
    const order = await newOrder();
    expectProblem(
      await call("POST", `/orders/${order.id}/fulfillment-events`, { key: buyer, body: { type: "ALLOCATE", lines: [{ orderLineId: order.lines[0].id, quantity: 1 }] } }),
      403,
      "FORBIDDEN",
    );
  });

  it("422 with field errors for zero, negative or fractional quantities and money, unknown store/location, payments not adding up", async () => {
    const key = await ALL();
    const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
      [{}, { quantity: 0 }, "lines[0].quantity"],
      [{}, { quantity: -1 }, "lines[0].quantity"],
      [{}, { quantity: 1.5 }, "lines[0].quantity"],
      [{}, { unitPrice: -100 }, "lines[0].unitPrice"],
      [{}, { taxAmount: 10.5 }, "lines[0].taxAmount"],
      [{}, { storeCode: "nowhere" }, "lines[0].storeCode"],
      [{}, { shipFromLocationCode: "DC-MARS" }, "lines[0].shipFromLocationCode"],
      [{ payments: [{ method: "CARD", amount: 10999 }] }, {}, "payments"],
      [{ payments: [{ method: "CARD", amount: -11000 }] }, {}, "payments[0].amount"],
      [{ currency: "usd" }, {}, "currency"],
    ];
    const before = (await call("GET", "/orders?limit=100&buyerEmail=buyer@demo.test", { key })).body.items.length;
    for (const [o, l, path] of cases) {
      const res = await call("POST", "/orders", { key, body: orderBody(o, l) });
      expectProblem(res, 422, "VALIDATION_FAILED");
      expect(res.body.errors.map((e: any) => e.path), JSON.stringify(res.body)).toContain(path);
    }
    const after = (await call("GET", "/orders?limit=100&buyerEmail=buyer@demo.test", { key })).body.items.length;
    expect(after).toBe(before);
  });

  it("takes a shipping address, contact, delivery note and window and returns them; a bad postal code or e-mail → 422 at its field path", async () => {
    const key = await ALL();
    const shippingAddress = { name: "Ada Buyer", line1: "1 Main St", line2: null, city: "Springfield", region: "IL", postalCode: "12930", country: "US" };
    const contact = { name: "Ada Buyer", email: "ada@example.test", phone: "+1 555 0100" };
    const fields = { shippingAddress, contact, deliveryNote: "Ring twice", deliveryWindow: { from: "2030-05-01T10:00:00+02:00", to: "2030-05-01T12:00:00Z" } };
    const created = await call("POST", "/orders", { key, body: orderBody(fields) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const read = await call("GET", `/orders/${created.body.id}`, { key: await keyFor("buyer@demo.test", "orders:read") });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      shippingAddress,
      contact,
      deliveryNote: "Ring twice",
      deliveryWindow: { from: "2030-05-01T08:00:00.000Z", to: "2030-05-01T12:00:00.000Z" },
    });
    const plain = await call("GET", `/orders/${(await newOrder()).id}`, { key });
    expect(plain.body).toMatchObject({ shippingAddress: null, contact: null, deliveryNote: null, deliveryWindow: null });

    const buyerEmail = `fields-${randomUUID()}@example.test`;
    const cases: [Record<string, unknown>, string][] = [
      [{ shippingAddress: { ...shippingAddress, postalCode: "1".repeat(21) } }, "shippingAddress.postalCode"],
      [{ shippingAddress: { ...shippingAddress, postalCode: " " } }, "shippingAddress.postalCode"],
      [{ contact: { ...contact, email: "not-an-email" } }, "contact.email"],
      [{ deliveryWindow: { from: "2030-05-01T12:00:00Z", to: "2030-05-01T08:00:00Z" } }, "deliveryWindow.to"],
    ];
    for (const [over, path] of cases) {
      const res = await call("POST", "/orders", { key, body: orderBody({ buyerEmail, ...over }) });
      expectProblem(res, 422, "VALIDATION_FAILED");
      expect(res.body.errors.map((e: any) => e.path), JSON.stringify(res.body)).toEqual([path]);
    }
    const listed = await call("GET", `/orders?limit=100&buyerEmail=${encodeURIComponent(buyerEmail)}`, { key });
    expect(listed.body.items).toEqual([]);
  });

  it("money: an order past 2^31 minor units is taken exactly; any amount or total past 10^13 → 422 and nothing stored", async () => {
    const key = await ALL();
    const MAX = 10_000_000_000_000;
    const buyerEmail = `api-money-${Date.now()}@example.test`;
    // 4 × 3,000,000,000 + 1,234,567,891 tax = 13,234,567,891.
    const big = await call("POST", "/orders", {
      key,
      body: orderBody({ buyerEmail, payments: [{ method: "CARD", amount: 10_000_000_000 }, { method: "GIFT_CARD", amount: 3_234_567_891 }] }, { quantity: 4, unitPrice: 3_000_000_000, taxAmount: 1_234_567_891 }),
    });
    expect(big.status, JSON.stringify(big.body)).toBe(201);
    const read = await call("GET", `/orders/${big.body.id}`, { key });
    expect(read.body.totals).toEqual({ subtotal: 12_000_000_000, tax: 1_234_567_891, shipping: 0, discount: 0, total: 13_234_567_891, refunded: 0 });
    expect(read.body.lines[0]).toMatchObject({ unitPrice: 3_000_000_000, taxAmount: 1_234_567_891, lineTotal: 13_234_567_891 });
    expect(read.body.payments.map((p: { amount: number }) => p.amount)).toEqual([10_000_000_000, 3_234_567_891]);

    const line = (over: Record<string, unknown>) => ({ quantity: 1, unitPrice: 0, taxAmount: 0, shippingAmount: 0, discountAmount: 0, ...over });
    const cases: [Record<string, unknown>, string][] = [
      [orderBody({ buyerEmail, payments: [{ method: "CARD", amount: MAX + 1 }] }, line({ unitPrice: MAX + 1 })), "lines[0].unitPrice"],
      [orderBody({ buyerEmail, payments: [{ method: "CARD", amount: MAX + 1 }] }, line({ unitPrice: MAX, taxAmount: 1 })), "payments[0].amount"],
      [orderBody({ buyerEmail, payments: [{ method: "CARD", amount: 6_000_000_000_000 }, { method: "GIFT_CARD", amount: 6_000_000_000_000 }] }, line({ quantity: 2, unitPrice: 6_000_000_000_000 })), "lines[0].unitPrice"],
    ];
    const half = orderBody({}, line({ unitPrice: MAX / 2 })).lines[0]!;
    cases.push([{ ...orderBody({ buyerEmail, payments: [{ method: "CARD", amount: MAX }, { method: "GIFT_CARD", amount: 1 }] }), lines: [half, half, { ...half, unitPrice: 1 }] }, "lines"]);
    for (const [body, path] of cases) {
      const res = await call("POST", "/orders", { key, body });
      expectProblem(res, 422, "VALIDATION_FAILED");
      expect(res.body.errors.map((e: { path: string }) => e.path), JSON.stringify(res.body)).toContain(path);
      expect(res.body.errors.find((e: { path: string }) => e.path === path).message).toContain(String(MAX));
    }
    const listed = await call("GET", `/orders?limit=100&buyerEmail=${encodeURIComponent(buyerEmail)}`, { key });
    expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual([big.body.id]);
  });

  it("moves units with fulfilment events; 409 beyond the previous bucket; 412 on a stale If-Match", async () => {
    const key = await keyFor("seller@demo.test", "fulfillment:write,orders:read");
    const order = await newOrder(5);
    const line = order.lines[0].id;
    const allocate = await call("POST", `/orders/${order.id}/fulfillment-events`, {
      key,
      ifMatch: '"1"',
      body: { type: "ALLOCATE", lines: [{ orderLineId: line, quantity: 5 }] },
    });
    expect(allocate.status).toBe(200);
    expect(allocate.headers.get("etag")).toBe('"2"');
    expect(allocate.body.lines[0].quantities).toMatchObject({ open: 0, allocated: 5 });
    expectProblem(
      await call("POST", `/orders/${order.id}/fulfillment-events`, { key, ifMatch: '"1"', body: { type: "RELEASE", lines: [{ orderLineId: line, quantity: 5 }] } }),
      412,
      "VERSION_MISMATCH",
    );
    const tooMany = await call("POST", `/orders/${order.id}/fulfillment-events`, { key, body: { type: "PICK", lines: [{ orderLineId: line, quantity: 1 }] } });
    expectProblem(tooMany, 409, "INSUFFICIENT_QUANTITY");
    const read = await call("GET", `/orders/${order.id}`, { key });
    expect(read.body.version).toBe(2);
    expect(read.body.lines[0].quantities).toMatchObject({ allocated: 5, released: 0, picked: 0 });
  });

  it("409 when allocating beyond free inventory; inventory adjustments and reads", async () => {
    const ops = await keyFor("ops@demo.test", "*");
    const sku = `SKU-API-${Date.now()}`;
    const created = await call("POST", "/orders", { key: await ALL(), body: orderBody({}, { sku, quantity: 3 }) });
    expect(created.status).toBe(201);
    const adj = await call("POST", "/inventory/adjustments", { key: ops, body: { sku, locationCode: "DC-EAST", quantity: 2, reason: "RECEIPT" } });
    expect(adj.status).toBe(201);
    expect(adj.body).toEqual({ sku, locationCode: "DC-EAST", onHand: 2, allocated: 0, available: 2 });
    expectProblem(
      await call("POST", `/orders/${created.body.id}/fulfillment-events`, { key: ops, body: { type: "ALLOCATE", lines: [{ orderLineId: created.body.lines[0].id, quantity: 3 }] } }),
      409,
      "INSUFFICIENT_INVENTORY",
    );
    const ok = await call("POST", `/orders/${created.body.id}/fulfillment-events`, {
      key: ops,
      body: { type: "ALLOCATE", lines: [{ orderLineId: created.body.lines[0].id, quantity: 2 }] },
    });
    expect(ok.status).toBe(200);
    expectProblem(await call("POST", "/inventory/adjustments", { key: ops, body: { sku, locationCode: "DC-EAST", quantity: -1, reason: "COUNT" } }), 409, "INSUFFICIENT_INVENTORY");
    expectProblem(await call("POST", "/inventory/adjustments", { key: ops, body: { sku: "SKU-NONE", locationCode: "DC-EAST", quantity: 1 } }), 422, "VALIDATION_FAILED");
    expectProblem(await call("POST", "/inventory/adjustments", { key: ops, body: { sku, locationCode: "DC-EAST", quantity: 0 } }), 422, "VALIDATION_FAILED");
    expectProblem(await call("POST", "/inventory/adjustments", { key: ops, body: { sku, locationCode: "DC-EAST", quantity: 1.5 } }), 422, "VALIDATION_FAILED");
    const inv = await call("GET", `/inventory?sku=${sku}`, { key: ops });
    expect(inv.status).toBe(200);
    expect(inv.body.items).toEqual([{ sku, locationCode: "DC-EAST", onHand: 2, allocated: 2, available: 0 }]);
    expectProblem(await call("POST", "/inventory/adjustments", { key: await keyFor("ops@demo.test", "orders:read"), body: { sku, locationCode: "DC-EAST", quantity: 1 } }), 403, "FORBIDDEN");
  });

  it("404 for another tenant's order, for buyers and sellers alike, by read, history and command", async () => {
    const order = await newOrder();
    const otherBuyer = await keyFor("buyer2@demo.test", "*");
    const otherSeller = await keyFor("seller2@demo.test", "*");
    expectProblem(await call("GET", `/orders/${order.id}`, { key: otherBuyer }), 404, "NOT_FOUND");
    expectProblem(await call("GET", `/orders/${order.id}/history`, { key: otherSeller }), 404, "NOT_FOUND");
    expectProblem(await call("GET", `/orders/${order.id}`, { key: otherSeller }), 404, "NOT_FOUND");
    expectProblem(
      await call("POST", `/orders/${order.id}/fulfillment-events`, { key: otherSeller, body: { type: "ALLOCATE", lines: [{ orderLineId: order.lines[0].id, quantity: 1 }] } }),
      404,
      "NOT_FOUND",
    );
    expectProblem(await call("GET", `/orders/does-not-exist`, { key: await ALL() }), 404, "NOT_FOUND");
    const theirs = await call("GET", "/orders?limit=100", { key: otherBuyer });
    expect(theirs.body.items.every((o: any) => o.buyerEmail === "buyer2@demo.test")).toBe(true);
  });

  it("lists with limit and cursor; rejects limits above 100 and bad cursors", async () => {
    const key = await ALL();
    await newOrder();
    await newOrder();
    const first = await call("GET", "/orders?limit=2", { key });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call("GET", `/orders?limit=2&cursor=${first.body.nextCursor}`, { key });
    expect(second.body.items.map((o: any) => o.id)).not.toContain(first.body.items[0].id);
    expectProblem(await call("GET", "/orders?limit=101", { key }), 422, "VALIDATION_FAILED");
    expectProblem(await call("GET", "/orders?cursor=garbage", { key }), 422, "VALIDATION_FAILED");
    expectProblem(await call("GET", "/orders?status=NOPE", { key }), 422, "VALIDATION_FAILED");
  });

  it("429 with Retry-After once a key's rate limit is used up", async () => {
    const key = await keyFor("buyer@demo.test", "orders:read", 3);
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await call("GET", "/orders?limit=1", { key });
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(3);
    expect(statuses).toContain(429);
    const limited = await call("GET", "/orders?limit=1", { key });
    expectProblem(limited, 429, "RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("413 for bodies over the limit", async () => {
    const res = await call("POST", "/orders", { key: await ALL(), rawBody: JSON.stringify({ pad: "x".repeat(1_100_000) }) });
    expectProblem(res, 413, "PAYLOAD_TOO_LARGE");
  });
});
