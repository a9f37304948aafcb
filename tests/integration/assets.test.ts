// Assets (SPEC §7): delivered units of an asset-tracked item become assets; a supplemental line may
// modify one; at most one in-flight order per asset, enforced by the database on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { CreateSupplementalOrder } from "../../lib/modules/supplemental/contracts/supplemental.ts";
import { createSupplementalOrder } from "../../lib/modules/supplemental/server/create-supplemental.ts";
import { listAssets } from "../../lib/modules/orders/server/assets.ts";
import { CreateReturn, ReceiveReturn } from "../../lib/modules/returns/contracts/returns.ts";
import { createReturn } from "../../lib/modules/returns/server/create-return.ts";
import { approveReturn } from "../../lib/modules/returns/server/decide-return.ts";
import { receiveReturn } from "../../lib/modules/returns/server/receive-return.ts";

const router = { sku: "SKU-ROUTER", itemName: "Router", category: "NETWORK", storeCode: "acme", shipFromLocationCode: "DC-EAST", assetTracked: true };

describe.each(engines())("assets on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
  });
  afterAll(async () => {
    await f?.drop();
  });

  async function deliveredRouters(quantity: number) {
    const o = await f.order({ lines: [{ ...router, quantity, unitPrice: 5000 }], payments: [{ method: "CARD", amount: 5000 * quantity }] });
    await f.stock("SKU-ROUTER", "DC-EAST", 100);
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP", "DELIVER"] as const) {
      await recordFulfillmentEvent(f.db, seller, o.id, { type, lines: [{ orderLineId: o.lines[0]!.id, quantity }] });
    }
    return o;
  }
  const modify = (assetId: string) =>
    CreateSupplementalOrder.parse({ type: "ADD_ON", reasonCode: "ADD_ITEMS", lines: [{ ...router, sku: "SKU-MUG", itemName: "Upgrade", quantity: 1, unitPrice: 0, targetAssetId: assetId, assetAction: "MODIFY" }] });

  it("each delivered unit becomes an ACTIVE asset of the buyer; others' assets are out of reach", async () => {
    const o = await deliveredRouters(2);
    const buyer = await f.as("buyer@demo.test");
    const mine = await listAssets(f.db, buyer, { orderId: o.id, limit: 10 });
    expect(mine.items.map((a) => [a.sku, a.status, a.inFlightOrderId])).toEqual([["SKU-ROUTER", "ACTIVE", null], ["SKU-ROUTER", "ACTIVE", null]]);
    expect((await listAssets(f.db, await f.as("buyer2@demo.test"), { orderId: o.id, limit: 10 })).items).toEqual([]);
  });

  it("6 racing modifications of one asset: exactly one order is created, five are 409 ASSET_IN_FLIGHT; delivery frees it", async () => {
    await f.stock("SKU-MUG", "DC-EAST", 100);
    const o = await deliveredRouters(1);
    const buyer = await f.as("buyer@demo.test");
    const [asset] = (await listAssets(f.db, buyer, { orderId: o.id, limit: 10 })).items;
    const results = await Promise.all(Array.from({ length: 6 }, () => outcome(() => createSupplementalOrder(f.db, buyer, o.id, modify(asset!.id)))));
    expect(results.sort()).toEqual(["ASSET_IN_FLIGHT", "ASSET_IN_FLIGHT", "ASSET_IN_FLIGHT", "ASSET_IN_FLIGHT", "ASSET_IN_FLIGHT", "OK"]);
    expect(await f.db.order.count({ where: { parentOrderId: o.id } })).toBe(1);
    const child = await f.db.order.findFirstOrThrow({ where: { parentOrderId: o.id }, include: { lines: true } });
    expect((await listAssets(f.db, buyer, { orderId: o.id, limit: 10 })).items[0]!.inFlightOrderId).toBe(child.id);
    // The database itself refuses a second active claim, whatever the code does.
    await expect(f.db.assetClaim.create({ data: { assetId: asset!.id, orderId: "x", orderLineId: "y", action: "MODIFY" } })).rejects.toMatchObject({ code: "P2002" });
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP", "DELIVER"] as const) {
      await recordFulfillmentEvent(f.db, seller, child.id, { type, lines: [{ orderLineId: child.lines[0]!.id, quantity: 1 }] });
    }
    expect((await listAssets(f.db, buyer, { orderId: o.id, limit: 10 })).items[0]!.inFlightOrderId).toBeNull();
    expect(await outcome(() => createSupplementalOrder(f.db, buyer, o.id, modify(asset!.id)))).toBe("OK");
  });

  it("a returned unit's asset is RETURNED and cannot be modified (422); another buyer's asset is 404", async () => {
    const o = await deliveredRouters(1);
    const buyer = await f.as("buyer@demo.test");
    const [asset] = (await listAssets(f.db, buyer, { orderId: o.id, limit: 10 })).items;
    expect(await outcome(async () => createSupplementalOrder(f.db, await f.as("ops@demo.test"), (await f.order({ quantity: 1, buyerEmail: "buyer2@demo.test" })).id, modify(asset!.id)))).toBe("NOT_FOUND");
    const r = await createReturn(f.db, buyer, o.id, CreateReturn.parse({ reasonCode: "NOT_AS_DESCRIBED", lines: [{ orderLineId: o.lines[0]!.id, quantity: 1 }] }));
    await approveReturn(f.db, await f.as("director@demo.test"), r.id, {});
    await receiveReturn(f.db, await f.as("seller@demo.test"), r.id, ReceiveReturn.parse({ lines: [{ orderLineId: o.lines[0]!.id, quantity: 1, disposition: "RESTOCK" }] }));
    expect((await listAssets(f.db, buyer, { orderId: o.id, limit: 10 })).items[0]!.status).toBe("RETURNED");
    expect(await outcome(() => createSupplementalOrder(f.db, buyer, o.id, modify(asset!.id)))).toBe("VALIDATION_FAILED");
  });
});
