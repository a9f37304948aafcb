// Reconciliation and `npm run check` over returns, refunds across linked orders and assets: a clean
// run finds nothing; each kind of damage written straight into the database is found, on its order.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { CreateReturn, ReceiveReturn } from "../../lib/modules/returns/contracts/returns.ts";
import { createReturn } from "../../lib/modules/returns/server/create-return.ts";
import { approveReturn } from "../../lib/modules/returns/server/decide-return.ts";
import { receiveReturn } from "../../lib/modules/returns/server/receive-return.ts";
import { CreateSupplementalOrder } from "../../lib/modules/supplemental/contracts/supplemental.ts";
import { createSupplementalOrder } from "../../lib/modules/supplemental/server/create-supplemental.ts";
import { RETURN_CAUSE } from "../../lib/modules/returns/server/queries.ts";
import { reconcile } from "../../lib/modules/checks/server/reconciliation.ts";
import { findReturnAndAssetMismatches } from "../../lib/modules/checks/server/return-checks.ts";

const router = { sku: "SKU-ROUTER", itemName: "Router", category: "NETWORK", storeCode: "acme", shipFromLocationCode: "DC-EAST", assetTracked: true };
const CHECKS = ["RETURNS", "LINKED_REFUNDS", "ASSETS"];

describe.each(engines())("reconciliation of returns, linked refunds and assets on %s", (engine) => {
  let f: Fixture;
  let orderId: string;
  let lineId: string;
  let returnId: string;
  let creditOrderId: string;
  let child: { id: string; lineId: string };

  const move = async (id: string, line: string, quantity: number, types: readonly ("ALLOCATE" | "RELEASE" | "PICK" | "PACK" | "SHIP" | "DELIVER")[]) => {
    const seller = await f.as("seller@demo.test");
    for (const type of types) await recordFulfillmentEvent(f.db, seller, id, { type, lines: [{ orderLineId: line, quantity }] });
  };
  const found = async () => (await reconcile(f.db)).findings.filter((x) => CHECKS.includes(x.check));
  const checkScript = () => spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts"], { env: { ...process.env, DATABASE_URL: f.url }, encoding: "utf8", timeout: 120_000 });

  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 100);
    // 3 routers: all shipped, 2 delivered (2 assets); 1 returned (its asset RETURNED); a goodwill credit; an order in flight on the other asset.
    const o = await f.order({ lines: [{ ...router, quantity: 3, unitPrice: 5000 }], payments: [{ method: "CARD", amount: 15000 }] });
    [orderId, lineId] = [o.id, o.lines[0]!.id];
    await f.stock("SKU-ROUTER", "DC-EAST", 100);
    await move(orderId, lineId, 3, ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"]);
    await move(orderId, lineId, 2, ["DELIVER"]);
    const buyer = await f.as("buyer@demo.test");
    const r = await createReturn(f.db, buyer, orderId, CreateReturn.parse({ reasonCode: "WRONG_ITEM", lines: [{ orderLineId: lineId, quantity: 1 }] }));
    returnId = r.id;
    await approveReturn(f.db, await f.as("director@demo.test"), returnId, {});
    const done = await receiveReturn(f.db, await f.as("seller@demo.test"), returnId, ReceiveReturn.parse({ lines: [{ orderLineId: lineId, quantity: 1, disposition: "RESTOCK" }] }));
    expect(done.status).toBe("COMPLETED");
    const credit = await createSupplementalOrder(f.db, await f.as("ops@demo.test"), orderId, CreateSupplementalOrder.parse({ type: "BILLING_ADJUSTMENT", reasonCode: "GOODWILL", amount: -500, payments: [] }));
    creditOrderId = credit.id;
    const active = await f.db.asset.findFirstOrThrow({ where: { orderLineId: lineId, status: "ACTIVE" } });
    const modify = CreateSupplementalOrder.parse({ type: "ADD_ON", reasonCode: "ADD_ITEMS", lines: [{ ...router, sku: "SKU-MUG", itemName: "Upgrade", assetTracked: false, quantity: 1, unitPrice: 0, targetAssetId: active.id, assetAction: "MODIFY" }] });
    const c = await createSupplementalOrder(f.db, buyer, orderId, modify);
    child = { id: c.id, lineId: c.lines[0]!.id };
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("a clean run finds nothing, in reconciliation and in npm run check", async () => {
    expect(await f.db.asset.groupBy({ by: ["status"], where: { orderLineId: lineId }, _count: { _all: true }, orderBy: { status: "asc" } })).toEqual([
      { status: "ACTIVE", _count: { _all: 1 } },
      { status: "RETURNED", _count: { _all: 1 } },
    ]);
    expect(await f.db.assetClaim.count({ where: { orderId: child.id, active: true } })).toBe(1);
    expect(await findReturnAndAssetMismatches(f.db)).toEqual([]);
    const report = await reconcile(f.db);
    expect(report.checks.filter((c) => CHECKS.includes(c.check)).map((c) => [c.check, c.findings])).toEqual([["RETURNS", 0], ["LINKED_REFUNDS", 0], ["ASSETS", 0]]);
    expect(report.findings).toEqual([]);
    const run = checkScript();
    expect(run.stdout).toMatch(/returns, linked refunds and assets: 1 return\(s\), 2 asset\(s\) checked, 0 problem\(s\)/);
    expect(run.status).toBe(0);
    await f.assertConsistent();
  });

  it("a COMPLETED return with a unit not received, and one received beyond what it expects, are found", async () => {
    const row = await f.db.returnOrderLine.findFirstOrThrow({ where: { returnId } });
    try {
      await f.db.returnOrderLine.update({ where: { id: row.id }, data: { received: 0, restocked: 0 } });
      const short = await findReturnAndAssetMismatches(f.db);
      expect(short).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: "RETURNS", orderId, objectType: "OrderLine", objectId: lineId, detail: expect.stringMatching(/received 0 unit\(s\).*ledger has 1 RETURNED/) }),
          expect.objectContaining({ kind: "RETURNS", orderId, objectType: "ReturnOrder", objectId: returnId, detail: expect.stringMatching(/COMPLETED with 1 unit\(s\).*not received/) }),
        ]),
      );
      expect(short).toHaveLength(2);
      await f.db.returnOrderLine.update({ where: { id: row.id }, data: { received: 2, restocked: 2 } });
      const beyond = await found();
      expect(beyond.map((x) => [x.check, x.objectId, x.href])).toEqual([
        ["RETURNS", returnId, `/seller/orders/${orderId}`],
        ["RETURNS", lineId, `/seller/orders/${orderId}`],
      ]);
      expect(beyond[0]!.problem).toMatch(/received 2 .* beyond the 1 expected/);
    } finally {
      await f.db.returnOrderLine.update({ where: { id: row.id }, data: { received: row.received, restocked: row.restocked } });
    }
    expect(await found()).toEqual([]);
  });

  it("refunds across the order and its return and credit beyond what the card paid are found, and a refund booked on another order's tender; npm run check fails on them", async () => {
    const refund = await f.db.financialAdjustment.findFirstOrThrow({ where: { causeType: RETURN_CAUSE, causeId: returnId } });
    const credit = await f.db.financialAdjustment.findFirstOrThrow({ where: { orderId, causeId: creditOrderId } });
    const tender = await f.db.paymentTender.findFirstOrThrow({ where: { orderId } });
    expect([refund.status, credit.status, tender.refunded]).toEqual(["SUCCEEDED", "SUCCEEDED", refund.amount + credit.amount]);
    try {
      await f.db.financialAdjustment.update({ where: { id: refund.id }, data: { amount: 14_600 } });
      const over = await findReturnAndAssetMismatches(f.db);
      expect(over).toContainEqual(expect.objectContaining({ kind: "LINKED_REFUNDS", orderId, objectType: "PaymentTender", objectId: tender.id, detail: expect.stringMatching(/refunds 15100 .* > paid 15000/) }));
      const run = checkScript();
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`linked_refunds PaymentTender ${tender.id} (order ${orderId})`);
      await f.db.financialAdjustment.update({ where: { id: refund.id }, data: { amount: refund.amount } });
      await f.db.financialAdjustment.update({ where: { id: credit.id }, data: { orderId: creditOrderId } });
      const elsewhere = await found();
      expect(elsewhere).toContainEqual(expect.objectContaining({ check: "LINKED_REFUNDS", objectType: "FinancialAdjustment", objectId: credit.id, href: `/seller/orders/${creditOrderId}`, problem: expect.stringMatching(/not a payment of order/) }));
    } finally {
      await f.db.financialAdjustment.update({ where: { id: refund.id }, data: { amount: refund.amount } });
      await f.db.financialAdjustment.update({ where: { id: credit.id }, data: { orderId } });
    }
    expect(await found()).toEqual([]);
  });

  it("assets that disagree with the delivered units not returned, and an order in flight on an asset no longer active, are found", async () => {
    const active = await f.db.asset.findFirstOrThrow({ where: { orderLineId: lineId, status: "ACTIVE" } });
    const claim = await f.db.assetClaim.findFirstOrThrow({ where: { assetId: active.id, active: true } });
    try {
      await f.db.asset.update({ where: { id: active.id }, data: { status: "RETURNED" } });
      const lost = await findReturnAndAssetMismatches(f.db);
      expect(lost).toEqual([
        expect.objectContaining({ kind: "ASSETS", orderId, objectType: "OrderLine", objectId: lineId, detail: expect.stringMatching(/0 asset\(s\) in service for 1 delivered unit/) }),
        expect.objectContaining({ kind: "ASSETS", orderId: child.id, objectType: "AssetClaim", objectId: claim.id, detail: expect.stringMatching(/which is returned/) }),
      ]);
      await f.db.asset.update({ where: { id: active.id }, data: { status: "ACTIVE" } });
      const extra = await f.db.asset.create({ data: { itemId: active.itemId, sku: active.sku, orderId, orderLineId: lineId, buyerId: active.buyerId, buyerEmail: active.buyerEmail } });
      expect((await found()).map((x) => [x.check, x.objectId, x.problem])).toEqual([
        ["ASSETS", lineId, `line ${lineId}: 3 asset(s) for 2 unit(s) delivered`],
        ["ASSETS", lineId, `line ${lineId}: 2 asset(s) in service for 1 delivered unit(s) not returned`],
      ]);
      await f.db.asset.delete({ where: { id: extra.id } });
    } finally {
      await f.db.asset.update({ where: { id: active.id }, data: { status: "ACTIVE" } });
    }
    expect(await found()).toEqual([]);
  });

  it("a claim still active after its order delivered the modification is found", async () => {
    await move(child.id, child.lineId, 1, ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP", "DELIVER"]);
    const claim = await f.db.assetClaim.findFirstOrThrow({ where: { orderId: child.id } });
    expect(claim.active).toBe(false); // delivery freed the asset
    expect(await found()).toEqual([]);
    await f.db.assetClaim.update({ where: { id: claim.id }, data: { active: true, releasedAt: null } });
    expect(await findReturnAndAssetMismatches(f.db)).toEqual([
      expect.objectContaining({ kind: "ASSETS", orderId: child.id, objectType: "AssetClaim", objectId: claim.id, detail: expect.stringMatching(/still claimed by order .* delivered or ended/) }),
    ]);
    await f.db.assetClaim.update({ where: { id: claim.id }, data: { active: false, releasedAt: new Date() } });
    expect(await findReturnAndAssetMismatches(f.db)).toEqual([]);
  });
});
