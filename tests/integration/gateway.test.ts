// The built-in payment gateway (a real implementation of PaymentGateway): refunds and charges
// each keep their own ledger, a retried call with the same key moves money once, and the failure
// drills (decline, unavailable, lost answer) apply to the operation and order they name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { BuiltInGateway, failNextCharges, failNextRefunds, failRefundCall, healGateway } from "../../lib/modules/payments/server/built-in-gateway.ts";
import { defaultGateway } from "../../lib/wiring.ts";

const call = (key: string, orderId = "order-1", amount = 500, tenderMethod = "CARD") => ({ idempotencyKey: key, orderId, tenderId: "tender-1", tenderMethod, amount, currency: "USD" });

describe.each(engines())("the built-in gateway on %s", (engine) => {
  let f: Fixture;
  let gateway: BuiltInGateway;
  beforeAll(async () => {
    f = await createFixture(engine);
    gateway = new BuiltInGateway(f.db);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("charges once per key: a retry returns the first reference; refunds and charges are separate ledgers", async () => {
    const first = await gateway.charge(call("c-1"));
    const again = await gateway.charge(call("c-1"));
    expect(first).toMatchObject({ ok: true, reference: expect.stringMatching(/^bgw_/) });
    expect(again).toEqual(first);
    const refund = await gateway.refund(call("c-1"));
    expect(refund.ok && first.ok && refund.reference !== first.reference).toBe(true);
    expect(await f.db.gatewayCharge.findMany({ where: { idempotencyKey: "c-1" }, select: { amount: true } })).toEqual([{ amount: 500 }]);
    expect(await f.db.gatewayRefund.count({ where: { idempotencyKey: "c-1" } })).toBe(1);
  });

  it("charge drills name charges only; refund drills name refunds only", async () => {
    await failNextCharges(f.db, "order-2", "DECLINE", 1);
    await failNextRefunds(f.db, "order-3", "DECLINE", 1);
    expect(await gateway.refund(call("r-2", "order-2"))).toMatchObject({ ok: true });
    expect(await gateway.charge(call("c-2", "order-2"))).toMatchObject({ ok: false, kind: "DECLINED", reason: expect.stringMatching(/charge declined/) });
    expect(await gateway.charge(call("c-2", "order-2"))).toMatchObject({ ok: true });
    expect(await gateway.charge(call("c-3", "order-3"))).toMatchObject({ ok: true });
    expect(await gateway.refund(call("r-3", "order-3"))).toMatchObject({ ok: false, kind: "DECLINED" });
  });

  it("a lost answer (TIMEOUT) is a charge made: the retry with the same key learns it and charges nothing more", async () => {
    await failNextCharges(f.db, "order-4", "TIMEOUT", 1);
    expect(await gateway.charge(call("c-4", "order-4"))).toMatchObject({ ok: false, kind: "TIMEOUT" });
    expect(await f.db.gatewayCharge.count({ where: { idempotencyKey: "c-4" } })).toBe(1);
    expect(await gateway.charge(call("c-4", "order-4"))).toMatchObject({ ok: true });
    expect(await f.db.gatewayCharge.count({ where: { orderId: "order-4" } })).toBe(1);
  });

  it("an unavailable processor charges nothing; one call can be made to fail by its key; invalid amounts are declined", async () => {
    await failNextCharges(f.db, "order-5", "TRANSIENT", 1);
    expect(await gateway.charge(call("c-5", "order-5"))).toMatchObject({ ok: false, kind: "TRANSIENT" });
    expect(await f.db.gatewayCharge.count({ where: { orderId: "order-5" } })).toBe(0);
    await failRefundCall(f.db, "c-6", "DECLINE");
    expect(await gateway.charge(call("c-6", "order-6"))).toMatchObject({ ok: false, kind: "DECLINED" });
    expect(await gateway.charge(call("c-7", "order-6", 0))).toMatchObject({ ok: false, kind: "DECLINED", reason: "invalid amount" });
    expect(await gateway.charge(call("c-8", "order-6", 1.5))).toMatchObject({ ok: false, kind: "DECLINED" });
    expect(await f.db.gatewayCharge.count({ where: { orderId: "order-6" } })).toBe(0);
  });

  it("ten concurrent calls with one key charge once", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => gateway.charge(call("c-9", "order-9"))));
    const references = new Set(results.map((r) => (r.ok ? r.reference : "failed")));
    expect(references.size).toBe(1);
    expect(await f.db.gatewayCharge.count({ where: { orderId: "order-9" } })).toBe(1);
  });

  it("a points tender cannot be charged more: the default gateway declines it and charges nothing", async () => {
    const outcome = await defaultGateway(f.db).charge(call("c-10", "order-10", 500, "POINTS"));
    expect(outcome).toMatchObject({ ok: false, kind: "DECLINED", reason: expect.stringMatching(/points tender cannot be charged/) });
    expect(await f.db.gatewayCharge.count({ where: { orderId: "order-10" } })).toBe(0);
    await healGateway(f.db);
    expect(await f.db.gatewayControl.count()).toBe(0);
  });
});
