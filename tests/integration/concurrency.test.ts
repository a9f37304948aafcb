// Concurrent commands against one order line must never over-move units or oversell stock, and
// internal write contention must never reach a caller that did not pin a version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { execFile } from "node:child_process";
import { getOrder } from "../../lib/modules/orders/server/queries.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import type { FulfilmentEventType } from "../../lib/modules/orders/domain/buckets.ts";

function tally(results: string[]) {
  return results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }), {});
}

describe.each(engines())("concurrent fulfilment on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const fire = async (orderId: string, lineId: string, type: FulfilmentEventType, n: number, qty = 1, db = f.db) => {
    const seller = await f.as("seller@demo.test");
    return Promise.all(
      Array.from({ length: n }, () => outcome(() => recordFulfillmentEvent(db, seller, orderId, { type, lines: [{ orderLineId: lineId, quantity: qty }] }))),
    );
  };

  it("30 concurrent single-unit allocations against 12 free units: exactly 12 succeed", async () => {
    await f.stock("SKU-TENT", "DC-EAST", 12);
    const order = await f.order({ sku: "SKU-TENT", quantity: 20, storeCode: "acme" });
    const results = await fire(order.id, order.lines[0]!.id, "ALLOCATE", 30);
    expect(tally(results)).toEqual({ OK: 12, INSUFFICIENT_INVENTORY: 18 });
    const o = await getOrder(f.db, await f.as("ops@demo.test"), order.id);
    expect(o.lines[0]!.quantities).toMatchObject({ open: 8, allocated: 12 });
    expect(o.version).toBe(13);
    const supply = await f.db.inventorySupply.findFirstOrThrow({ where: { item: { sku: "SKU-TENT" }, location: { code: "DC-EAST" } } });
    expect(supply.onHand - supply.allocated).toBe(0);
    await f.assertConsistent();
  });

  it("25 concurrent releases of one unit from 10 allocated: exactly 10 succeed, no bucket negative", async () => {
    await f.stock("SKU-MUG", "DC-EAST", 100);
    const order = await f.order({ quantity: 10 });
    const line = order.lines[0]!.id;
    expect(tally(await fire(order.id, line, "ALLOCATE", 10))).toEqual({ OK: 10 });
    expect(tally(await fire(order.id, line, "RELEASE", 25))).toEqual({ OK: 10, INSUFFICIENT_QUANTITY: 15 });
    const o = await getOrder(f.db, await f.as("ops@demo.test"), order.id);
    expect(o.lines[0]!.quantities).toMatchObject({ allocated: 0, released: 10 });
    await f.assertConsistent();
  });

  it("a mix of stages fired at once on one line keeps every bucket non-negative and the ledger exact", async () => {
    await f.stock("SKU-MUG", "DC-EAST", 100);
    const order = await f.order({ quantity: 12 });
    const line = order.lines[0]!.id;
    const seller = await f.as("seller@demo.test");
    const types: FulfilmentEventType[] = ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP", "DELIVER"];
    // Four waves: each wave fires every stage twice at once; what cannot move yet fails cleanly.
    const all: string[] = [];
    for (let wave = 0; wave < 4; wave++) {
      const results = await Promise.all(
        types.flatMap((type) =>
          [1, 2].map(() => outcome(() => recordFulfillmentEvent(f.db, seller, order.id, { type, lines: [{ orderLineId: line, quantity: 2 }] }))),
        ),
      );
      all.push(...results);
    }
    expect(all.every((r) => r === "OK" || r === "INSUFFICIENT_QUANTITY")).toBe(true);
    const o = await getOrder(f.db, seller, order.id);
    const q = o.lines[0]!.quantities;
    expect(Object.values(q).every((n) => n >= 0)).toBe(true);
    expect(q.open + q.allocated + q.released + q.picked + q.packed + q.shipped + q.delivered).toBe(12);
    expect(o.version).toBe(1 + all.filter((r) => r === "OK").length);
    await f.assertConsistent();
  });

  it("callers pinning the same version: exactly one wins, the rest get VERSION_MISMATCH", async () => {
    const order = await f.order({ quantity: 10 });
    const seller = await f.as("seller@demo.test");
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        outcome(() =>
          recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }] }, { expectedVersion: 1 }),
        ),
      ),
    );
    expect(tally(results)).toEqual({ OK: 1, VERSION_MISMATCH: 7 });
    expect((await getOrder(f.db, seller, order.id)).lines[0]!.quantities.allocated).toBe(1);
  });

  it("two app instances (separate processes) on one database never oversell", async () => {
    await f.stock("SKU-LAMP", "DC-EAST", 9);
    const a = await f.order({ sku: "SKU-LAMP", quantity: 10, storeCode: "acme" });
    const b = await f.order({ sku: "SKU-LAMP", quantity: 10, storeCode: "acme" });
    const child = (orderId: string, lineId: string) =>
      new Promise<string[]>((resolve, reject) => {
        execFile(
          process.execPath,
          ["--import", "tsx", "tests/support/fire-allocations.ts", f.url, orderId, lineId, "ALLOCATE", "10", "seller@demo.test"],
          { timeout: 90_000 },
          (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split("\n").pop()!))),
        );
      });
    const results = await Promise.all([child(a.id, a.lines[0]!.id), child(b.id, b.lines[0]!.id)]);
    expect(tally(results.flat())).toEqual({ OK: 9, INSUFFICIENT_INVENTORY: 11 });
    await f.assertConsistent();
  });
});
