// Money is 64-bit on both engines (BIGINT on PostgreSQL) and bounded by MAX_MONEY (10^13 minor
// units) for every amount and every derived total: an order worth more than 2^31 minor units is
// taken in, cancelled and refunded exactly, and one past the bound is a validation error that
// stores nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { IntakeOrder, type IntakeOrderInput } from "../../lib/modules/orders/contracts/orders.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { MAX_MONEY } from "../../lib/platform/money/money.ts";
import { intakeOrder } from "../../lib/modules/orders/server/intake-order.ts";
import { getOrder } from "../../lib/modules/orders/server/queries.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { approveCancellationRequest } from "../../lib/modules/cancellations/server/decide-cancellation.ts";

const INT32_MAX = 2 ** 31 - 1;
const UNIT_PRICE = 3_000_000_000;
const TAX = 1_234_567_891;
// 4 × 3,000,000,000 + 1,234,567,891 tax = 13,234,567,891, paid 10,000,000,000 by card and the rest by gift card.
const TOTAL = 4 * UNIT_PRICE + TAX;
const CARD = 10_000_000_000;
const GIFT = TOTAL - CARD;

const cancelUnits = (orderLineId: string, quantity: number) =>
  CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId, quantity }] } });

describe.each(engines())("money past 2^31 on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 100);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const body = (lines: Partial<IntakeOrderInput["lines"][number]>[], payments: IntakeOrderInput["payments"]): IntakeOrderInput =>
    IntakeOrder.parse({
      externalRef: `big-${engine}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`,
      buyerEmail: "buyer@demo.test",
      currency: "USD",
      lines: lines.map((l) => ({ sku: "SKU-MUG", itemName: "Gold mug", category: "KITCHEN", storeCode: "acme", shipFromLocationCode: "DC-EAST", quantity: 1, unitPrice: 0, ...l })),
      payments,
    });

  it("takes in, cancels and refunds an order worth 13,234,567,891 minor units and reads every amount back exactly", async () => {
    expect(TOTAL).toBeGreaterThan(INT32_MAX);
    const integration = await f.as("integration@demo.test");
    const order = await intakeOrder(
      f.db,
      integration,
      body([{ quantity: 4, unitPrice: UNIT_PRICE, taxAmount: TAX }], [
        { method: "CARD", amount: CARD },
        { method: "GIFT_CARD", amount: GIFT },
      ]),
    );
    expect(order.totals).toEqual({ subtotal: 12_000_000_000, tax: TAX, shipping: 0, discount: 0, total: TOTAL, refunded: 0 });
    const stored = await f.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true, payments: { orderBy: { sequence: "asc" } }, subOrders: true } });
    expect([stored.subtotal, stored.tax, stored.total]).toEqual([12_000_000_000, TAX, TOTAL]);
    expect(stored.lines.map((l) => [l.unitPrice, l.taxAmount])).toEqual([[UNIT_PRICE, TAX]]);
    expect(stored.payments.map((p) => [p.method, p.amount])).toEqual([["CARD", CARD], ["GIFT_CARD", GIFT]]);
    expect(stored.subOrders.map((s) => s.total)).toEqual([TOTAL]);
    // Filters and sums over the 64-bit columns work too.
    expect(await f.db.order.count({ where: { id: order.id, total: { gt: INT32_MAX } } })).toBe(1);
    expect((await f.db.paymentTender.aggregate({ where: { orderId: order.id }, _sum: { amount: true } }))._sum.amount).toBe(TOTAL);

    // Cancel 3 of 4: 3 × 3,000,000,000 + round_half_up(1,234,567,891 × 3 / 4) = 9,925,925,918.
    const buyer = await f.as("buyer@demo.test");
    const manager = await f.as("manager@demo.test");
    // An order of 500.00 or more needs a manager's sign-off (SPEC §5); the refund is paid on approval.
    const cancelApproved = async (quantity: number) => {
      const created = await createCancellationRequest(f.db, buyer, order.id, cancelUnits(order.lines[0]!.id, quantity));
      expect(created.status).toBe("PENDING_APPROVAL");
      expect(created.approvals.map((a) => a.level)).toEqual(["MANAGER"]);
      return approveCancellationRequest(f.db, manager, order.id, created.id, {});
    };
    const first = await cancelApproved(3);
    const refund1 = 9_000_000_000 + 925_925_918;
    expect(first.status).toBe("COMPLETED");
    expect(first.lines[0]!.refund).toEqual({ merchandise: 9_000_000_000, tax: 925_925_918, shipping: 0, discount: 0, total: refund1 });
    expect(first.refund).toMatchObject({ total: refund1, refunded: refund1 });
    const byTender1 = Object.fromEntries(first.refund.byTender.map((t) => [t.method, t.amount]));
    expect(byTender1.CARD! + byTender1.GIFT_CARD!).toBe(refund1);
    expect(byTender1.CARD).toBeGreaterThan(INT32_MAX);

    // The rest: everything paid comes back, to the minor unit.
    const second = await cancelApproved(1);
    expect(second.status).toBe("COMPLETED");
    expect(second.refund.total).toBe(TOTAL - refund1);

    const after = await getOrder(f.db, buyer, order.id);
    expect(after.totals).toMatchObject({ total: TOTAL, refunded: TOTAL });
    expect(after.lines[0]).toMatchObject({ refunded: TOTAL, quantities: { cancelled: 4 } });
    expect(after.payments.map((p) => [p.method, p.amount, p.refunded])).toEqual([
      ["CARD", CARD, CARD],
      ["GIFT_CARD", GIFT, GIFT],
    ]);
    const adjustments = await f.db.financialAdjustment.findMany({ where: { orderId: order.id } });
    expect(adjustments.every((a) => a.status === "SUCCEEDED")).toBe(true);
    expect(adjustments.reduce((n, a) => n + a.amount, 0)).toBe(TOTAL);
    expect(adjustments.every((a) => a.netAmount === a.amount - a.processingFee)).toBe(true);
    const gateway = await f.db.gatewayRefund.findMany({ where: { orderId: order.id } });
    expect(gateway.reduce((n, g) => n + g.amount, 0)).toBe(TOTAL);
    const requests = await f.db.cancellationRequest.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    expect(requests.map((r) => [r.refundTotal, r.refundedTotal])).toEqual([
      [refund1, refund1],
      [TOTAL - refund1, TOTAL - refund1],
    ]);
    const lines = await f.db.cancellationRequestLine.findMany({ where: { request: { orderId: order.id } } });
    expect(lines.reduce((n, l) => n + l.refundTotal, 0)).toBe(TOTAL);
    await f.assertConsistent();
  });

  it("takes an order at exactly the bound", async () => {
    const order = await f.order({
      lines: [{ sku: "SKU-MUG", itemName: "Gold mug", category: "KITCHEN", storeCode: "acme", shipFromLocationCode: "DC-EAST", quantity: 2, unitPrice: MAX_MONEY / 2, taxAmount: 0, shippingAmount: 0, discountAmount: 0 }],
      payments: [{ method: "CARD", amount: MAX_MONEY }],
    });
    const stored = await f.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect([stored.total, stored.payments[0]!.amount]).toEqual([MAX_MONEY, MAX_MONEY]);
  });

  it("an amount or a total past the bound is a validation error and stores nothing", async () => {
    const integration = await f.as("integration@demo.test");
    const count = async () => ({ orders: await f.db.order.count(), lines: await f.db.orderLine.count(), tenders: await f.db.paymentTender.count() });
    const before = await count();
    // The contract refuses an amount past the bound …
    const tooBig = { sku: "SKU-MUG", itemName: "Gold mug", category: "KITCHEN", storeCode: "acme", shipFromLocationCode: "DC-EAST", quantity: 1, unitPrice: MAX_MONEY + 1 };
    const parsed = IntakeOrder.safeParse({ buyerEmail: "buyer@demo.test", currency: "USD", lines: [tooBig], payments: [{ method: "CARD", amount: MAX_MONEY + 1 }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(["lines.0.unitPrice", "payments.0.amount"]);
    // … and so does the command, should anything call it without the contract.
    const raw = (lines: object[], amount: number) =>
      ({ buyerEmail: "buyer@demo.test", currency: "USD", customerType: "STANDARD", orderType: "STANDARD", lines, payments: [{ method: "CARD", amount }] }) as IntakeOrderInput;
    expect(await outcome(() => intakeOrder(f.db, integration, raw([tooBig], MAX_MONEY + 1)))).toBe("VALIDATION_FAILED");
    // Each amount within the bound, the line past it: 2 × 6,000,000,000,000.
    const line = { ...tooBig, quantity: 2, unitPrice: 6_000_000_000_000, taxAmount: 0, shippingAmount: 0, discountAmount: 0 };
    expect(await outcome(() => intakeOrder(f.db, integration, raw([line], 12_000_000_000_000)))).toBe("VALIDATION_FAILED");
    // Each line within the bound, the order past it.
    const half = { ...line, quantity: 1, unitPrice: MAX_MONEY / 2 };
    const order = body([half, half, { unitPrice: 1 }], [{ method: "CARD", amount: MAX_MONEY }, { method: "GIFT_CARD", amount: 1 }]);
    const error = await intakeOrder(f.db, integration, order).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: { errors: [{ path: "lines", message: expect.stringContaining(String(MAX_MONEY)) }] } });
    expect(await count()).toEqual(before);
  });
});
