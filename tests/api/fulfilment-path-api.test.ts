import { describe, expect, it } from "vitest";
import { call, keyFor, orderBody } from "./client.ts";

async function newOrder(quantity: number) {
  const res = await call("POST", "/orders", { key: await keyFor("integration@demo.test", "*"), body: orderBody({}, { quantity }) });
  expect(res.status).toBe(201);
  return res.body;
}

describe("fulfilment events with toStage over HTTP", () => {
  it("ships open units in one call: one version, every stage in the history", async () => {
    const key = await keyFor("seller@demo.test", "fulfillment:write,orders:read");
    const order = await newOrder(5);
    const line = order.lines[0].id;
    const res = await call("POST", `/orders/${order.id}/fulfillment-events`, {
      key,
      ifMatch: '"1"',
      body: { type: "ALLOCATE", toStage: "SHIPPED", lines: [{ orderLineId: line, quantity: 2 }], trackingNumber: "TRK-API-1" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get("etag")).toBe('"2"');
    expect(res.body.lines[0].quantities).toMatchObject({ open: 3, allocated: 0, packed: 0, shipped: 2 });
    const history = await call("GET", `/orders/${order.id}/history`, { key });
    const actions = history.body.items.map((h: { action: string }) => h.action);
    for (const a of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"]) expect(actions).toContain(`FULFILLMENT_${a}`);
  });

  it("422 for a toStage behind the event or not a stage; 409 beyond what the line holds; nothing changes", async () => {
    const key = await keyFor("seller@demo.test", "fulfillment:write,orders:read");
    const order = await newOrder(2);
    const line = order.lines[0].id;
    const post = (body: unknown) => call("POST", `/orders/${order.id}/fulfillment-events`, { key, body });
    const back = await post({ type: "PICK", toStage: "ALLOCATED", lines: [{ orderLineId: line, quantity: 1 }] });
    expect(back.status).toBe(422);
    expect(back.headers.get("content-type")).toContain("application/problem+json");
    expect(back.body.errors).toEqual([expect.objectContaining({ path: "toStage", message: expect.stringContaining("later stage") })]);
    const unknown = await post({ type: "ALLOCATE", toStage: "CANCELLED", lines: [{ orderLineId: line, quantity: 1 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toContain("toStage");
    const tooMany = await post({ type: "ALLOCATE", toStage: "SHIPPED", lines: [{ orderLineId: line, quantity: 3 }] });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body).toMatchObject({ code: "INSUFFICIENT_QUANTITY", errors: [{ path: "lines[0].quantity" }] });
    const read = await call("GET", `/orders/${order.id}`, { key });
    expect(read.body.version).toBe(1);
    expect(read.body.lines[0].quantities).toMatchObject({ open: 2, allocated: 0, shipped: 0 });
  });
});
