import { describe, expect, it } from "vitest";
import { call, keyFor, orderBody } from "./client.ts";

async function newOrder(quantity: number) {
  const res = await call("POST", "/orders", { key: await keyFor("integration@demo.test", "*"), body: orderBody({}, { quantity }) });
  expect(res.status).toBe(201);
  return res.body;
}

describe("shipment details on fulfilment events over HTTP", () => {
  it("SHIP with carrier and packages answers with the shipment; DELIVER sets its delivered time", async () => {
    const key = await keyFor("seller@demo.test", "fulfillment:write,orders:read");
    const order = await newOrder(3);
    const line = order.lines[0].id;
    const res = await call("POST", `/orders/${order.id}/fulfillment-events`, {
      key,
      body: {
        type: "ALLOCATE",
        toStage: "SHIPPED",
        lines: [{ orderLineId: line, quantity: 2 }],
        trackingNumber: "TRK-API-SH",
        shipment: { carrier: "DHL", notes: "top shelf", packages: [{ boxSize: "L", weightGrams: 2500 }] },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The order's existing fields are unchanged; the shipment comes along.
    expect(res.body.lines[0].quantities).toMatchObject({ open: 1, shipped: 2 });
    expect(res.body.shipment).toMatchObject({
      number: expect.stringMatching(/^SH-\d{6}$/),
      carrier: "DHL",
      trackingNumber: "TRK-API-SH",
      notes: "top shelf",
      storeCode: "acme",
      packages: [{ boxSize: "L", weightGrams: 2500 }],
      lines: [{ orderLineId: line, quantity: 2, delivered: 0 }],
      stages: { shippedAt: expect.any(String), packedAt: expect.any(String), deliveredAt: null },
    });
    const delivered = await call("POST", `/orders/${order.id}/fulfillment-events`, { key, body: { type: "DELIVER", lines: [{ orderLineId: line, quantity: 2 }] } });
    expect(delivered.status).toBe(200);
    expect(delivered.body.shipment).toBeNull();
    expect(delivered.body.shipments[0].stages.deliveredAt).toEqual(expect.any(String));
    const read = await call("GET", `/orders/${order.id}`, { key });
    expect(read.body.lines[0].shipments).toEqual([expect.objectContaining({ quantity: 2, carrier: "DHL", trackingNumber: "TRK-API-SH", delivered: 2 })]);
  });

  it("422 with field errors for bad shipment details, and nothing changes", async () => {
    const key = await keyFor("seller@demo.test", "fulfillment:write,orders:read");
    const order = await newOrder(2);
    const line = order.lines[0].id;
    const post = (body: unknown) => call("POST", `/orders/${order.id}/fulfillment-events`, { key, body });
    const badWeight = await post({ type: "ALLOCATE", toStage: "SHIPPED", lines: [{ orderLineId: line, quantity: 1 }], shipment: { packages: [{ boxSize: "", weightGrams: -5 }] } });
    expect(badWeight.status).toBe(422);
    expect(badWeight.headers.get("content-type")).toContain("application/problem+json");
    expect(badWeight.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["shipment.packages[0].boxSize", "shipment.packages[0].weightGrams"]);
    const notShipping = await post({ type: "ALLOCATE", lines: [{ orderLineId: line, quantity: 1 }], shipment: { carrier: "UPS" } });
    expect(notShipping.status).toBe(422);
    expect(notShipping.body.errors).toEqual([expect.objectContaining({ path: "shipment" })]);
    const unknownNumber = await post({ type: "ALLOCATE", toStage: "SHIPPED", lines: [{ orderLineId: line, quantity: 1 }], shipment: { number: "SH-999999" } });
    expect(unknownNumber.status).toBe(422);
    expect(unknownNumber.body.errors).toEqual([expect.objectContaining({ path: "shipment.number" })]);
    const read = await call("GET", `/orders/${order.id}`, { key });
    expect(read.body.version).toBe(1);
    expect(read.body.shipments).toEqual([]);
    expect(read.body.lines[0].quantities).toMatchObject({ open: 2, allocated: 0, shipped: 0 });
  });
});
