// Property tests: random sequences of commands (order intake, fulfilment events, cancellation
// requests, approvals and rejections, gateway failures, background job passes, fallout retries,
// points withdrawals and partial cancellations, amendments, returns of shipped units and their
// receipts) against a real database, checking after every
// step the invariants `npm run check` knows plus cancel-in-parts = cancel-at-once to the cent.
//
// A failure prints fast-check's seed and path; replay it with
//   PROPERTY_SEED=<seed> PROPERTY_PATH=<path> npx vitest run --project integration tests/integration/properties.test.ts
// PROPERTY_RUNS overrides the number of runs per engine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import type { Actor } from "../../lib/platform/auth/actor.ts";
import { IntakeOrder } from "../../lib/modules/orders/contracts/orders.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { PointsPartialCancellation } from "../../lib/modules/points/contracts/points.ts";
import { FULFILMENT_EVENTS, FULFILMENT_TRANSITIONS, type Bucket, type FulfilmentEventType } from "../../lib/modules/orders/domain/buckets.ts";
import { lineRefund } from "../../lib/modules/cancellations/domain/line-refund.ts";
import { intakeOrder } from "../../lib/modules/orders/server/intake-order.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { countsOfLine } from "../../lib/modules/orders/server/line-counts.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { approveCancellationRequest, rejectCancellationRequest } from "../../lib/modules/cancellations/server/decide-cancellation.ts";
import { failNextCharges, failNextRefundCalls, failNextRefunds, healGateway, type GatewayFailMode } from "../../lib/modules/payments/server/built-in-gateway.ts";
import { drainJobs, runnerId } from "../../lib/platform/jobs/runner.ts";
import { listFalloutCases, retryFalloutCase } from "../../lib/modules/compensation/server/fallout-cases.ts";
import { createPointsAccount, depositPoints, withdrawPoints } from "../../lib/modules/points/server/accounts.ts";
import { cancelPointsWithdrawal } from "../../lib/modules/points/server/partial-cancellation.ts";
import { findInventoryMismatches, findMoneyMismatches, findQuantityLedgerMismatches } from "../../lib/modules/checks/server/consistency.ts";
import { findPointsMismatches } from "../../lib/modules/points/server/check-points.ts";
import { JOB_HANDLERS } from "../../lib/wiring.ts";
import { CreateAmendmentRequest } from "../../lib/modules/amendments/contracts/amendments.ts";
import { createAmendmentRequest } from "../../lib/modules/amendments/server/create-amendment.ts";
import { applyAmendmentRequest, withdrawAmendmentRequest } from "../../lib/modules/amendments/server/decide-amendment.ts";
import { CreateReturn, ReceiveReturn } from "../../lib/modules/returns/contracts/returns.ts";
import { createReturn } from "../../lib/modules/returns/server/create-return.ts";
import { receiveReturn } from "../../lib/modules/returns/server/receive-return.ts";
import { approveReturn, rejectReturn } from "../../lib/modules/returns/server/decide-return.ts";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);
const SEED = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);
const PATH = process.env.PROPERTY_PATH;
const MINUTE = 60_000;

/** What an order line can be made of: the SKU, its store and where it ships from. */
const PRODUCTS = [
  { sku: "SKU-MUG", category: "KITCHEN", storeCode: "acme", location: "DC-EAST" },
  { sku: "SKU-PAN", category: "KITCHEN", storeCode: "acme", location: "DC-EAST" },
  { sku: "SKU-TENT", category: "OUTDOOR", storeCode: "globex", location: "DC-WEST" },
] as const;
const APPROVER = { SUPERVISOR: "supervisor@demo.test", MANAGER: "manager@demo.test", DIRECTOR: "director@demo.test" } as Record<string, string>;
const STORE_SELLER = { acme: "seller@demo.test", globex: "seller2@demo.test" } as Record<string, string>;
const HELD: Partial<Record<Bucket, "heldOpen" | "heldAllocated" | "heldReleased" | "heldPicked" | "heldPacked" | "heldShipped" | "heldDelivered">> = {
  OPEN: "heldOpen",
  ALLOCATED: "heldAllocated",
  RELEASED: "heldReleased",
  PICKED: "heldPicked",
  PACKED: "heldPacked",
};

// ── the generator: plain data; indices pick among what the run has created so far ──
const intakeLine = fc
  .record({
    product: fc.nat(PRODUCTS.length - 1),
    quantity: fc.integer({ min: 1, max: 6 }),
    unitPrice: fc.integer({ min: 1, max: 15_000 }),
    tax: fc.integer({ min: 0, max: 5_000 }),
    shipping: fc.integer({ min: 0, max: 2_000 }),
    discountPercent: fc.integer({ min: 0, max: 90 }),
  });
const intakeAction = fc.record({
  k: fc.constant("intake" as const),
  lines: fc.array(intakeLine, { minLength: 1, maxLength: 3 }),
  split: fc.integer({ min: 0, max: 100 }),
  tenders: fc.constantFrom("ONE", "TWO", "POINTS"),
});
/** NEXT moves the line's least advanced units on; a random event type is mostly one that must be refused. */
const eventType = fc.oneof({ weight: 3, arbitrary: fc.constant("NEXT" as const) }, { weight: 1, arbitrary: fc.constantFrom(...FULFILMENT_EVENTS) });
const action = fc.oneof(
  { weight: 2, arbitrary: intakeAction },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant("fulfil" as const),
      order: fc.nat(),
      line: fc.nat(),
      type: eventType,
      quantity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 7 })),
      /** The same event repeated, so that units get as far as shipped and delivered. */
      times: fc.oneof({ weight: 2, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 6 }) }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant("cancel" as const),
      order: fc.nat(),
      lines: fc.array(fc.record({ line: fc.nat(), quantity: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 7 })) }), { minLength: 1, maxLength: 2 }),
      /** What the approvers do right away when the request waits for them (or a later decide step). */
      then: fc.constantFrom("WAIT" as const, "APPROVE" as const, "REJECT" as const),
      /** The same request made again, so that lines get cancelled in parts. */
      times: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 4 })),
    }),
  },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("decide" as const), request: fc.nat(), approve: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("failGateway" as const), order: fc.option(fc.nat(), { nil: undefined }), mode: fc.constantFrom<GatewayFailMode>("DECLINE", "TIMEOUT", "TRANSIENT"), times: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("heal" as const) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("runJobs" as const), minutesLater: fc.integer({ min: 0, max: 180 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("retryFallout" as const) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("withdrawPoints" as const), points: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("cancelPoints" as const), withdrawal: fc.nat(), points: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("amend" as const), order: fc.nat(), note: fc.nat(99), applyNow: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("settleAmendment" as const), amendment: fc.nat(), apply: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant("amendQuantity" as const),
      order: fc.nat(),
      line: fc.nat(),
      add: fc.integer({ min: 1, max: 3 }),
      gateway: fc.constantFrom("OK" as const, "OK" as const, "DECLINE" as const, "TRANSIENT" as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant("return" as const),
      order: fc.nat(),
      line: fc.nat(),
      quantity: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 6 })),
      /** Ship that many units first (allocate → release → pick → pack → ship, each a fulfilment event). */
      shipFirst: fc.boolean(),
      /** What the director does: approve (then units may be received), reject, or leave it waiting. */
      decide: fc.constantFrom("APPROVE" as const, "APPROVE" as const, "REJECT" as const, "WAIT" as const),
      /** Units the store receives right after approval (0: none yet), and how. */
      receiveNow: fc.integer({ min: 0, max: 3 }),
      disposition: fc.constantFrom("RESTOCK" as const, "DAMAGED" as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant("receive" as const),
      ret: fc.nat(),
      quantity: fc.integer({ min: 1, max: 4 }),
      disposition: fc.constantFrom("RESTOCK" as const, "DAMAGED" as const),
    }),
  },
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

/** The part of the world one run created (the database is shared by the runs of one engine). */
interface Run {
  orders: { id: string; lines: string[] }[];
  requests: { id: string; orderId: string }[];
  withdrawals: string[];
  amendments: { id: string; orderId: string }[];
  returns: { id: string; orderId: string; orderLineId: string }[];
}

describe.each(engines())("property: random command sequences keep every invariant on %s", (engine) => {
  let f: Fixture;
  let ops: Actor;
  let integration: Actor;
  let accountId: string;
  let n = 0;
  /** How often each command ended how (printed once per engine, to show what the runs exercised). */
  const tally = new Map<string, number>();
  const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

  beforeAll(async () => {
    f = await createFixture(engine);
    for (const p of PRODUCTS) await f.stock(p.sku, p.location, 1_000_000);
    ops = await f.as("ops@demo.test");
    integration = await f.as("integration@demo.test");
    const existing = await f.db.pointsAccount.findUnique({ where: { ownerEmail: "buyer@demo.test" } });
    accountId = existing?.id ?? (await createPointsAccount(f.db, ops, { ownerEmail: "buyer@demo.test", deductionOrder: "FIFO" })).id;
    await depositPoints(f.db, ops, accountId, { programId: "PROPERTY", points: 5_000_000, expiresAt: "2099-01-01" });
  });
  afterAll(async () => {
    console.log(`[property ${engine}] ${[...tally].sort().map(([k, v]) => `${k}=${v}`).join(" ")}`);
    await f?.drop();
  });

  const pick = <T>(list: readonly T[], i: number | undefined): T | undefined => (list.length && i !== undefined ? list[i % list.length] : undefined);
  async function drain(minutesLater: number) {
    const pass = await drainJobs(f.db, { owner: runnerId("property"), handlers: JOB_HANDLERS, now: () => new Date(Date.now() + minutesLater * MINUTE) });
    for (const [k, v] of Object.entries(pass.outcomes)) for (let i = 0; i < v; i++) count(`job:${k}`);
  }

  /** The invariants of `npm run check`, and per line: its refunds add up to cancelling its cancelled units at once. */
  async function assertInvariants(run: Run, where: string) {
    const problems = {
      ledger: await findQuantityLedgerMismatches(f.db),
      inventory: await findInventoryMismatches(f.db),
      money: await findMoneyMismatches(f.db),
      points: await findPointsMismatches(f.db),
      parts: [] as unknown[],
      orders: [] as unknown[],
    };
    for (const o of run.orders) {
      const order = await f.db.order.findUniqueOrThrow({ where: { id: o.id } });
      const lines = await f.db.orderLine.findMany({ where: { orderId: o.id }, include: { cancellationLines: true } });
      const returned = await f.db.returnOrderLine.findMany({ where: { orderLineId: { in: lines.map((l) => l.id) } } });
      let executed = 0;
      for (const line of lines) {
        const parts = line.cancellationLines.filter((rl) => rl.cancelledQuantity > 0);
        const cancelled = parts.reduce((s, rl) => s + rl.cancelledQuantity, 0);
        const sum = (k: "merchandise" | "tax" | "shipping" | "discount" | "refundTotal") => parts.reduce((s, rl) => s + rl[k], 0);
        const inParts = { merchandise: sum("merchandise"), tax: sum("tax"), shipping: sum("shipping"), discount: sum("discount"), total: sum("refundTotal") };
        // Units taken back (cancelled, then received back from returns) count once each along the line (SPEC §4.5).
        const receipts = returned.filter((r) => r.orderLineId === line.id);
        const received = receipts.reduce((s, r) => s + r.received, 0);
        const receivedRefund = receipts.reduce((s, r) => s + r.refunded, 0);
        const atOnce = lineRefund(line, 0, line.qtyCancelled + line.qtyReturned);
        executed += inParts.total + receivedRefund;
        const exact = received ? inParts.total + receivedRefund === atOnce.total : JSON.stringify(inParts) === JSON.stringify(atOnce);
        if (cancelled !== line.qtyCancelled || received !== line.qtyReturned || !exact || line.refunded > atOnce.total) {
          problems.parts.push({ line: line.id, qtyCancelled: line.qtyCancelled, cancelledInParts: cancelled, qtyReturned: line.qtyReturned, received, receivedRefund, inParts, atOnce, lineRefunded: line.refunded });
        }
      }
      // What the order got back never exceeds what its executed cancellations refund, and charges amendments could not use.
      const chargesBack = await f.db.financialAdjustment.aggregate({ where: { orderId: o.id, causeType: "AmendmentRequest", type: { not: "CHARGE" } }, _sum: { amount: true } });
      executed += chargesBack._sum.amount ?? 0;
      if (order.refunded > executed) problems.orders.push({ order: o.id, refunded: order.refunded, executed });
    }
    const bad = Object.entries(problems).filter(([, v]) => v.length);
    if (bad.length) throw new Error(`invariants broken after ${where}: ${JSON.stringify(Object.fromEntries(bad), null, 1)}`);
  }

  async function intake(run: Run, a: Extract<Action, { k: "intake" }>) {
    const lines = a.lines.map((l) => {
      const p = PRODUCTS[l.product]!;
      const discount = Math.floor((l.quantity * l.unitPrice * l.discountPercent) / 100);
      return { sku: p.sku, itemName: p.sku, category: p.category, storeCode: p.storeCode, quantity: l.quantity, unitPrice: l.unitPrice, taxAmount: l.tax, shippingAmount: l.shipping, discountAmount: discount, shipFromLocationCode: p.location };
    });
    const total = lines.reduce((s, l) => s + l.quantity * l.unitPrice + l.taxAmount + l.shippingAmount - l.discountAmount, 0);
    const first = Math.max(1, Math.floor((total * a.split) / 100));
    const payments: Record<string, unknown>[] = [];
    if (a.tenders === "ONE" || first >= total) payments.push({ method: "CARD", amount: total });
    else if (a.tenders === "TWO") payments.push({ method: "CARD", amount: first }, { method: "GIFT_CARD", amount: total - first });
    else {
      const points = Math.min(total - first, 5_000);
      const w = await withdrawPoints(f.db, ops, accountId, { points });
      payments.push({ method: "CARD", amount: total - points }, { method: "POINTS", amount: points, pointsWithdrawTransactionId: w.transactionId });
    }
    const input = IntakeOrder.parse({ externalRef: `prop-${engine}-${++n}`, buyerEmail: "buyer@demo.test", currency: "USD", lines, payments });
    const order = await intakeOrder(f.db, integration, input);
    expect(order.totals.total).toBe(total);
    run.orders.push({ id: order.id, lines: order.lines.map((l) => l.id) });
    count(`intake:${a.tenders}`);
  }

  async function fulfil(run: Run, a: Extract<Action, { k: "fulfil" }>) {
    // Repeats move the same units on: each one is the event after the previous one.
    let type: FulfilmentEventType | "NEXT" | undefined = a.type;
    for (let i = 0; i < a.times && type; i++) {
      const done: FulfilmentEventType | undefined = await fulfilOnce(run, a, type);
      type = done && FULFILMENT_EVENTS[FULFILMENT_EVENTS.indexOf(done) + 1];
    }
  }

  async function fulfilOnce(run: Run, a: Extract<Action, { k: "fulfil" }>, requested: FulfilmentEventType | "NEXT"): Promise<FulfilmentEventType | undefined> {
    const o = pick(run.orders, a.order);
    const lineId = o && pick(o.lines, a.line);
    if (!o || !lineId) return;
    const before = await f.db.orderLine.findUniqueOrThrow({ where: { id: lineId } });
    const type: FulfilmentEventType =
      requested === "NEXT" ? (FULFILMENT_EVENTS.find((e) => countsOfLine(before)[FULFILMENT_TRANSITIONS[e].from] > 0) ?? "DELIVER") : requested;
    const { from, to } = FULFILMENT_TRANSITIONS[type];
    const column = HELD[from];
    const holds = column ? await f.db.orderLineHold.findMany({ where: { orderLineId: lineId, active: true } }) : [];
    const held = column ? holds.reduce((s, h) => s + h[column], 0) : 0;
    const available = countsOfLine(before)[from] - held;
    const result = await outcome(() => recordFulfillmentEvent(f.db, ops, o.id, { type, lines: [{ orderLineId: lineId, quantity: a.quantity }] }));
    count(`fulfil:${result}`);
    const after = countsOfLine(await f.db.orderLine.findUniqueOrThrow({ where: { id: lineId } }));
    const expected = countsOfLine(before);
    if (a.quantity <= available) {
      expect(result, `${type} ${a.quantity} of ${available} available`).toBe("OK");
      expected[from] -= a.quantity;
      expected[to] += a.quantity;
    } else {
      expect(result, `${type} ${a.quantity} of ${available} available must be refused`).toBe("INSUFFICIENT_QUANTITY");
    }
    expect(after).toEqual(expected);
    return type;
  }

  async function cancel(run: Run, a: Extract<Action, { k: "cancel" }>) {
    for (let i = 0; i < a.times; i++) await cancelOnce(run, a);
  }

  async function cancelOnce(run: Run, a: Extract<Action, { k: "cancel" }>) {
    const o = pick(run.orders, a.order);
    if (!o) return;
    const lines = [...new Map(a.lines.map((l) => [pick(o.lines, l.line)!, l.quantity])).entries()].map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
    const requestsBefore = await f.db.cancellationRequest.count({ where: { orderId: o.id } });
    const linesBefore = await f.db.orderLine.findMany({ where: { orderId: o.id }, orderBy: { id: "asc" } });
    const input = CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines } });
    let id: string | undefined;
    const result = await outcome(async () => {
      id = (await createCancellationRequest(f.db, ops, o.id, input)).id;
    });
    count(`cancel:${id ? (await f.db.cancellationRequest.findUniqueOrThrow({ where: { id } })).status : result}`);
    if (id) {
      run.requests.push({ id, orderId: o.id });
      // Approve sign-off by sign-off (a request may need several levels), or reject at once.
      for (let i = 0; i < 3 && a.then !== "WAIT"; i++) if (!(await decideTask(run, await pendingTask(id), a.then === "APPROVE"))) break;
    } else {
      // Refused: nothing changed.
      expect(result).not.toBe("OK");
      expect(await f.db.cancellationRequest.count({ where: { orderId: o.id } })).toBe(requestsBefore);
      expect((await f.db.orderLine.findMany({ where: { orderId: o.id }, orderBy: { id: "asc" } })).map(countsOfLine)).toEqual(linesBefore.map(countsOfLine));
    }
  }

  const pendingTask = (requestId: string) => f.db.approvalTask.findFirst({ where: { subjectId: requestId, status: "PENDING" }, orderBy: { id: "asc" } });

  async function decide(run: Run, a: Extract<Action, { k: "decide" }>) {
    const pending = await f.db.approvalTask.findMany({ where: { subjectId: { in: run.requests.map((r) => r.id) }, status: "PENDING" }, orderBy: { id: "asc" } });
    await decideTask(run, pick(pending, a.request) ?? null, a.approve);
  }

  /** The approver of the task's level approves or rejects its request; false when there is nothing to decide. */
  async function decideTask(run: Run, task: { subjectId: string; level: string } | null, approve: boolean): Promise<boolean> {
    const r = task && run.requests.find((x) => x.id === task.subjectId);
    if (!task || !r) return false;
    const a = { approve };
    const approver = await f.as(APPROVER[task.level]!);
    let refusal: { code?: string; message: string; details?: { changed?: string[] } } | undefined;
    const result = await outcome(() =>
      a.approve
        ? approveCancellationRequest(f.db, approver, r.orderId, r.id, { comment: "property" }).catch((e) => {
            refusal = e;
            throw e;
          })
        : rejectCancellationRequest(f.db, approver, r.orderId, r.id, { comment: "property says no" }),
    );
    if (a.approve && result === "CONFLICT") {
      // Another request refunded on this order since this one was assessed, so its stored refund
      // would split differently now: execution refuses, nothing changes, and the approver rejects it.
      expect(refusal!.message).toMatch(/was assessed against an order that has changed since/);
      expect(refusal!.details?.changed?.length).toBeGreaterThan(0);
      expect((await f.db.cancellationRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("PENDING_APPROVAL");
      expect(await f.db.financialAdjustment.count({ where: { causeId: r.id } })).toBe(0);
      count("approve:refused-changed-money");
      expect(await outcome(() => rejectCancellationRequest(f.db, approver, r.orderId, r.id, { comment: "assessed before another refund" }))).toBe("OK");
      return true;
    }
    expect(result).toBe("OK");
    const request = await f.db.cancellationRequest.findUniqueOrThrow({ where: { id: r.id } });
    count(`${a.approve ? "approve" : "reject"}:${task.level}:${request.status}`);
    if (!a.approve) expect(request.status).toBe("REJECTED");
    else expect(request.status).not.toBe("REJECTED");
    return true;
  }

  /** A new delivery note for an order: refused (nothing stored) once any unit shipped or none is left (all cancelled or
   *  returned: a finished order takes the SHIPPED column), else stored, and applied now when asked. */
  async function amend(run: Run, a: Extract<Action, { k: "amend" }>) {
    const o = pick(run.orders, a.order);
    if (!o) return;
    const before = await f.db.order.findUniqueOrThrow({ where: { id: o.id }, include: { lines: true } });
    const left = (l: (typeof before.lines)[number]) => l.qtyOpen + l.qtyAllocated + l.qtyReleased + l.qtyPicked + l.qtyPacked;
    const shipped = before.lines.some((l) => l.qtyShipped + l.qtyDelivered > 0) || before.lines.every((l) => left(l) + l.qtyShipped + l.qtyDelivered === 0);
    const input = CreateAmendmentRequest.parse({
      reasonCode: "CUSTOMER_REQUEST",
      applyNow: a.applyNow,
      changes: [{ path: "/deliveryNote", op: "REPLACE", oldValue: before.deliveryNote, newValue: `note ${a.note}` }],
    });
    let created: { id: string; status: string } | undefined;
    const result = await outcome(async () => (created = await createAmendmentRequest(f.db, integration, o.id, input)));
    count(`amend:${result}${created ? `:${created.status}` : ""}`);
    const after = await f.db.order.findUniqueOrThrow({ where: { id: o.id } });
    if (before.deliveryNote === `note ${a.note}`) {
      // The same note again changes nothing: refused as invalid, nothing stored.
      expect(result).toBe("VALIDATION_FAILED");
      expect(after.version).toBe(before.version);
      return;
    }
    if (shipped) {
      expect(result).toBe("AMENDMENT_BLOCKED");
      expect(after.version).toBe(before.version);
      expect(after.deliveryNote).toBe(before.deliveryNote);
      return;
    }
    expect(result).toBe("OK");
    expect(created!.status).toBe(a.applyNow ? "APPLIED" : "REQUESTED");
    expect(after.deliveryNote).toBe(a.applyNow ? `note ${a.note}` : before.deliveryNote);
    if (!a.applyNow) run.amendments.push({ id: created!.id, orderId: o.id });
  }

  /** A stored amendment applied later: only if nothing but its own commands changed the order since; or withdrawn. */
  async function settleAmendment(run: Run, a: Extract<Action, { k: "settleAmendment" }>) {
    const r = pick(run.amendments, a.amendment);
    if (!r) return;
    const stored = await f.db.amendmentRequest.findUniqueOrThrow({ where: { id: r.id } });
    const before = await f.db.order.findUniqueOrThrow({ where: { id: r.orderId } });
    const result = await outcome(() => (a.apply ? applyAmendmentRequest(f.db, integration, r.orderId, r.id) : withdrawAmendmentRequest(f.db, integration, r.orderId, r.id)));
    const after = await f.db.amendmentRequest.findUniqueOrThrow({ where: { id: r.id } });
    const note = (await f.db.order.findUniqueOrThrow({ where: { id: r.orderId } })).deliveryNote;
    count(`settleAmendment:${a.apply ? "apply" : "withdraw"}:${result}`);
    if (stored.status !== "REQUESTED") {
      expect(result).toBe("CONFLICT");
      expect(after.status).toBe(stored.status);
    } else if (!a.apply) {
      expect([result, after.status]).toEqual(["OK", "WITHDRAWN"]);
    } else if (before.version === stored.ownVersion) {
      expect([result, after.status]).toEqual(["OK", "APPLIED"]);
      expect(note).toBe((stored.changes as { newValue: string }[])[0]!.newValue);
      return;
    } else {
      // The order moved on since the assessment: the request fails, the order keeps its note.
      expect([result, after.status]).toEqual(["ASSESSMENT_CHANGED", "FAILED"]);
    }
    expect(note).toBe(before.deliveryNote);
  }

  /**
   * More units of a line: charged first, then added (APPLIED); a declined charge adds nothing
   * (FAILED); an unavailable gateway leaves it APPLYING for the runner. Refused (nothing stored)
   * when the line is held, past the phase the matrix allows, or would move a shipping share.
   */
  async function amendQuantity(run: Run, a: Extract<Action, { k: "amendQuantity" }>) {
    const o = pick(run.orders, a.order);
    const lineId = o && pick(o.lines, a.line);
    if (!o || !lineId) return;
    const line = await f.db.orderLine.findUniqueOrThrow({ where: { id: lineId } });
    const before = await f.db.order.findUniqueOrThrow({ where: { id: o.id } });
    const active = line.quantity - line.qtyCancelled - line.qtyReturned;
    if (active === 0) return;
    if (a.gateway !== "OK") await failNextCharges(f.db, o.id, a.gateway, 1);
    const input = CreateAmendmentRequest.parse({
      reasonCode: "CUSTOMER_REQUEST",
      changes: [{ path: `/lines/${lineId}/quantity`, op: "REPLACE", oldValue: active, newValue: active + a.add }],
    });
    let created: { status: string; impact: { charge: number } } | undefined;
    const result = await outcome(async () => (created = await createAmendmentRequest(f.db, integration, o.id, input)));
    count(`amendQuantity:${result}${created ? `:${created.status}` : ""}`);
    const after = await f.db.orderLine.findUniqueOrThrow({ where: { id: lineId } });
    const order = await f.db.order.findUniqueOrThrow({ where: { id: o.id } });
    if (result !== "OK") {
      expect(["AMENDMENT_BLOCKED", "CONFLICT", "VALIDATION_FAILED"]).toContain(result);
      expect([after.quantity, order.total]).toEqual([line.quantity, before.total]);
      return;
    }
    if (created!.status === "APPLIED") {
      expect([after.quantity, after.qtyOpen]).toEqual([line.quantity + a.add, line.qtyOpen + a.add]);
      expect(order.total).toBe(before.total + created!.impact.charge);
    } else if (created!.status === "FAILED") {
      // Declined: nothing added; a share another tender paid meanwhile is given back (at once, or by the runner if refunds fail now).
      expect(a.gateway).toBe("DECLINE");
      const owed = await f.db.financialAdjustment.aggregate({ where: { orderId: o.id, causeType: "AmendmentRequest", type: { not: "CHARGE" }, status: { not: "SUCCEEDED" } }, _sum: { amount: true } });
      expect([after.quantity, order.total - order.refunded - (owed._sum.amount ?? 0)]).toEqual([line.quantity, before.total - before.refunded]);
    } else {
      // Waiting for the runner's retry of the charge, or for a supervisor (units already released).
      expect(["APPLYING", "REQUIRES_APPROVAL"]).toContain(created!.status);
      expect([after.quantity, order.total]).toEqual([line.quantity, before.total]);
    }
    await healGateway(f.db);
  }

  /**
   * A buyer returns shipped or delivered units of a line: refused with nothing stored when more are
   * asked than are shipped and free of other changes, else a RETURN order waiting for a director,
   * who approves (units may then be received) or rejects (units freed).
   */
  async function returnUnits(run: Run, a: Extract<Action, { k: "return" }>) {
    const o = pick(run.orders, a.order);
    const lineId = o && pick(o.lines, a.line);
    if (!o || !lineId) return;
    if (a.shipFirst) await fulfil(run, { k: "fulfil", order: a.order, line: a.line, type: "NEXT", quantity: a.quantity, times: 5 });
    const line = await f.db.orderLine.findUniqueOrThrow({ where: { id: lineId } });
    const holds = await f.db.orderLineHold.findMany({ where: { orderLineId: lineId, active: true } });
    const free = line.qtyShipped + line.qtyDelivered - holds.reduce((s, h) => s + h.heldShipped + h.heldDelivered, 0);
    const returnsBefore = await f.db.returnOrder.count({ where: { originalOrderId: o.id } });
    const buyer = await f.as("buyer@demo.test");
    const input = CreateReturn.parse({ reasonCode: "DAMAGED_ON_ARRIVAL", lines: [{ orderLineId: lineId, quantity: a.quantity }] });
    let id: string | undefined;
    const result = await outcome(async () => (id = (await createReturn(f.db, buyer, o.id, input)).id));
    count(`return:${result}`);
    // One change holds a line at a time: a line another change holds refuses the return (409) whatever units it holds.
    if (holds.length || a.quantity > free) {
      expect(holds.length && a.quantity <= free ? ["CONFLICT"] : ["INSUFFICIENT_QUANTITY", "CONFLICT"], `return ${a.quantity} of ${free} free, ${holds.length} hold(s)`).toContain(result);
      expect(await f.db.returnOrder.count({ where: { originalOrderId: o.id } })).toBe(returnsBefore);
      expect(countsOfLine(await f.db.orderLine.findUniqueOrThrow({ where: { id: lineId } }))).toEqual(countsOfLine(line));
      return;
    }
    expect(result, `return ${a.quantity} of ${free} free`).toBe("OK");
    run.returns.push({ id: id!, orderId: o.id, orderLineId: lineId });
    if (a.decide === "WAIT") return;
    // Each pending level signs in turn (a director's by default; order value can add a manager's), or the first rejects.
    let status = (await f.db.returnOrder.findUniqueOrThrow({ where: { id: id! } })).status;
    for (let task = await pendingTask(id!); task && status === "PENDING_APPROVAL"; task = await pendingTask(id!)) {
      const approver = await f.as(APPROVER[task.level]!);
      const decided = a.decide === "APPROVE" ? await approveReturn(f.db, approver, id!, { comment: "property" }) : await rejectReturn(f.db, approver, id!, { comment: "property says no" });
      status = decided.status;
    }
    count(`return:${a.decide}:${status}`);
    expect(status).toBe(a.decide === "APPROVE" ? "AWAITING_RECEIPT" : "REJECTED");
    if (status === "AWAITING_RECEIPT" && a.receiveNow) await receive(run, { k: "receive", ret: run.returns.length - 1, quantity: a.receiveNow, disposition: a.disposition });
  }

  /** The store receives units of an approved return: each moves to RETURNED and is refunded once; more than expected is refused. */
  async function receive(run: Run, a: Extract<Action, { k: "receive" }>) {
    const r = pick(run.returns, a.ret);
    if (!r) return;
    const ret = await f.db.returnOrder.findUniqueOrThrow({ where: { id: r.id }, include: { lines: true } });
    const line = await f.db.orderLine.findUniqueOrThrow({ where: { id: r.orderLineId } });
    const store = await f.db.store.findUniqueOrThrow({ where: { id: line.storeId } });
    const rl = ret.lines.find((l) => l.orderLineId === r.orderLineId)!;
    const seller = await f.as(STORE_SELLER[store.code]!);
    const input = ReceiveReturn.parse({ lines: [{ orderLineId: r.orderLineId, quantity: a.quantity, disposition: a.disposition }] });
    const result = await outcome(() => receiveReturn(f.db, seller, r.id, input));
    count(`receive:${ret.status}:${result}`);
    const after = await f.db.orderLine.findUniqueOrThrow({ where: { id: r.orderLineId } });
    const receivable = ret.status === "AWAITING_RECEIPT" && a.quantity <= rl.quantity - rl.received;
    if (!receivable) {
      expect(result).not.toBe("OK");
      expect(countsOfLine(after)).toEqual(countsOfLine(line));
      return;
    }
    expect(result).toBe("OK");
    expect(after.qtyReturned).toBe(line.qtyReturned + a.quantity);
    expect(after.qtyShipped + after.qtyDelivered).toBe(line.qtyShipped + line.qtyDelivered - a.quantity);
  }

  async function step(run: Run, a: Action) {
    count(a.k);
    switch (a.k) {
      case "intake":
        return intake(run, a);
      case "fulfil":
        return fulfil(run, a);
      case "cancel":
        return cancel(run, a);
      case "decide":
        return decide(run, a);
      case "amend":
        return amend(run, a);
      case "settleAmendment":
        return settleAmendment(run, a);
      case "amendQuantity":
        return amendQuantity(run, a);
      case "return":
        return returnUnits(run, a);
      case "receive":
        return receive(run, a);
      case "failGateway": {
        const o = pick(run.orders, a.order);
        return o ? failNextRefunds(f.db, o.id, a.mode, a.times) : failNextRefundCalls(f.db, a.mode, a.times);
      }
      case "heal":
        return healGateway(f.db);
      case "runJobs":
        return drain(a.minutesLater);
      case "retryFallout": {
        const ids = new Set(run.orders.map((o) => o.id));
        const open = (await listFalloutCases(f.db, ops, { status: "OPEN", limit: 100 })).items.filter((c) => ids.has(c.orderId));
        for (const c of open) {
          expect(await outcome(() => retryFalloutCase(f.db, ops, c.id))).toBe("OK");
          count("falloutRetried");
        }
        return;
      }
      case "withdrawPoints": {
        const w = await withdrawPoints(f.db, ops, accountId, { points: a.points });
        run.withdrawals.push(w.transactionId);
        return;
      }
      case "cancelPoints": {
        const w = pick(run.withdrawals, a.withdrawal);
        if (!w) return;
        const before = await f.db.pointsTransaction.findUniqueOrThrow({ where: { id: w } });
        const body = PointsPartialCancellation.parse({ withdrawTransactionId: w, sourceTransactionId: `prop-${n}`, pointsToRefund: a.points });
        const result = await outcome(() => cancelPointsWithdrawal(f.db, ops, body));
        count(`cancelPoints:${result}`);
        const after = await f.db.pointsTransaction.findUniqueOrThrow({ where: { id: w } });
        if (a.points <= before.pointsCancelable) {
          expect(result).toBe("OK");
          expect(after.pointsCanceled).toBe(before.pointsCanceled + a.points);
        } else {
          expect(result).toBe("OVER_REFUND");
          expect(after.pointsCanceled).toBe(before.pointsCanceled);
        }
        return;
      }
    }
  }

  it(`${RUNS} random sequences of up to 12 commands`, async () => {
    await fc.assert(
      fc.asyncProperty(intakeAction, fc.array(action, { minLength: 3, maxLength: 11, size: "max" }), async (first, rest) => {
        const actions: Action[] = [first, ...rest];
        const run: Run = { orders: [], requests: [], withdrawals: [], amendments: [], returns: [] };
        await healGateway(f.db);
        for (const [i, a] of actions.entries()) {
          await step(run, a);
          await assertInvariants(run, `step ${i + 1} ${JSON.stringify(a)}`);
        }
        // Settle: a healthy gateway, fallen-out refunds retried, every due job run.
        await healGateway(f.db);
        await drain(24 * 60);
        await step(run, { k: "retryFallout" });
        await drain(48 * 60);
        await assertInvariants(run, "settling");
        for (const r of run.requests) {
          const request = await f.db.cancellationRequest.findUniqueOrThrow({ where: { id: r.id } });
          if (request.status === "COMPLETED" || request.status === "PARTIALLY_COMPLETED") expect(request.refundedTotal, `request ${r.id}`).toBe(request.refundTotal);
        }
      }),
      { numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: true, verbose: 1 },
    );
  }, 600_000);
});
