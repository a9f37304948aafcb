import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { PointsDeposit, PointsPartialCancellation, PointsWithdrawal } from "../../lib/modules/points/contracts/points.ts";
import type { Actor } from "../../lib/platform/auth/actor.ts";
import { createPointsAccount, depositPoints, withdrawPoints } from "../../lib/modules/points/server/accounts.ts";
import { cancelPointsWithdrawal } from "../../lib/modules/points/server/partial-cancellation.ts";
import { getMyPoints, getPointsWithdrawal, pointsRefundsForTenders } from "../../lib/modules/points/server/queries.ts";
import { defaultGateway } from "../../lib/wiring.ts";
import { findPointsMismatches } from "../../lib/modules/points/server/check-points.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { getOrder } from "../../lib/modules/orders/server/queries.ts";

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

// Seed 003: the deposits withdrawal 22966035 consumed, in deduction order.
const SEED: [string, number][] = [
  ["19859079", 25],
  ["20522600", 25],
  ["21069202", 50],
  ["21434905", 200],
  ["21434907", 200],
  ["21530562", 200],
  ["21879877", 25],
  ["21991354", 275],
];

describe.each(engines())("loyalty points on %s", (engine) => {
  let f: Fixture;
  let ops: Actor;
  let n = 0;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 500);
    ops = await f.as("ops@demo.test", "api");
  });
  afterAll(async () => {
    // Every test above leaves the points ledger and its running totals in agreement.
    if (f) expect(await findPointsMismatches(f.db)).toEqual([]);
    await f?.drop();
  });

  const newAccount = async (deductionOrder: "FIFO" | "EARLIEST_EXPIRY" = "FIFO") =>
    createPointsAccount(f.db, ops, { ownerEmail: `member${++n}-${Date.now()}@example.test`, deductionOrder });
  const deposit = (accountId: string, body: Record<string, unknown>) => depositPoints(f.db, ops, accountId, PointsDeposit.parse(body));
  const withdraw = (accountId: string, body: Record<string, unknown>) => withdrawPoints(f.db, ops, accountId, PointsWithdrawal.parse(body));
  const cancel = (body: Record<string, unknown>) => cancelPointsWithdrawal(f.db, ops, PointsPartialCancellation.parse(body));
  const countRows = async () => ({
    transactions: await f.db.pointsTransaction.count(),
    cancellations: await f.db.pointsCancellation.count(),
    allocations: await f.db.pointsAllocation.count(),
  });

  /** The seed's account: 8 deposits a day apart, each in its own program; 21991354 holds 400. */
  async function seedWithdrawal() {
    const account = await newAccount();
    const ids = new Map<string, string>();
    const programs = new Map<string, string>();
    for (const [i, [seedId, points]] of SEED.entries()) {
      const d = await deposit(account.id, {
        programId: `P-${seedId}`,
        points: seedId === "21991354" ? 400 : points,
        expiresAt: "2019-06-30",
        effectiveAt: `2018-01-${String(i + 1).padStart(2, "0")}T00:00:00Z`,
      });
      ids.set(seedId, d.transactionId);
      programs.set(d.transactionId, `P-${seedId}`);
    }
    const w = await withdraw(account.id, { points: 1000, sourceTransactionId: "order-22966035", effectiveAt: "2018-07-11T10:00:00Z" });
    const seedIdOf = new Map([...ids].map(([s, real]) => [real, s]));
    return { account, w, ids, seedIdOf };
  }

  /** The seed's canceled_order_transaction table (reverse deduction order) read back from the database. */
  async function table(withdrawalId: string, seedIdOf: Map<string, string>) {
    const view = await getPointsWithdrawal(f.db, ops, withdrawalId);
    return {
      order: [view.withdrawTransactionId && view.pointsWithdrawn, view.pointsCanceled, view.pointsCancelable],
      rows: [...view.allocations].reverse().map((a) => [seedIdOf.get(a.depositTransactionId), a.pointsWithdrawn, a.pointsCanceled, a.pointsCancelable]),
    };
  }

  it("reproduces seed 003 table by table: 1,000 points over 8 deposits, cancel 200, 900 rejected, cancel 200 (steps 1 and 3 with one sourceTransactionId)", async () => {
    const { w, ids, seedIdOf } = await seedWithdrawal();
    expect(w.allocations.map((a) => [seedIdOf.get(a.depositTransactionId), a.points])).toEqual(SEED);
    expect((await f.db.pointsAllocation.findMany({ where: { withdrawalId: w.transactionId }, orderBy: { position: "asc" } })).map((a) => [seedIdOf.get(a.depositId), a.pointsWithdrawn])).toEqual(SEED);
    expect(await table(w.transactionId, seedIdOf)).toEqual({
      order: [1000, 0, 1000],
      rows: [
        ["21991354", 275, 0, 275],
        ["21879877", 25, 0, 25],
        ["21530562", 200, 0, 200],
        ["21434907", 200, 0, 200],
        ["21434905", 200, 0, 200],
        ["21069202", 50, 0, 50],
        ["20522600", 25, 0, 25],
        ["19859079", 25, 0, 25],
      ],
    });

    // sourceTransactionId is the caller's reference (here: the order line both cancellations are for), not a de-duplication key.
    const source = `order-22966035-line-${w.transactionId}`;
    // 1. Partially cancel 200 points → one deposit in 21991354's program.
    const first = await cancel({ withdrawTransactionId: w.transactionId, sourceTransactionId: source, pointsToRefund: 200, effectiveAt: "2018-08-11T09:00:00Z" });
    expect(first).toMatchObject({ pointsWithdrawn: 1000, pointsCanceled: 200, pointsCancelable: 800 });
    expect(first.deposits).toEqual([
      expect.objectContaining({ programId: "P-21991354", points: 200, sourceTransactionId: source, refundsDepositTransactionId: ids.get("21991354") }),
    ]);
    const created = await f.db.pointsTransaction.findMany({ where: { sourceTransactionId: source, type: "DEPOSIT" } });
    expect(created.map((d) => [d.programId, d.points, d.remaining])).toEqual([["P-21991354", 200, 200]]);
    expect(await table(w.transactionId, seedIdOf)).toEqual({
      order: [1000, 200, 800],
      rows: [
        ["21991354", 275, 200, 75],
        ["21879877", 25, 0, 25],
        ["21530562", 200, 0, 200],
        ["21434907", 200, 0, 200],
        ["21434905", 200, 0, 200],
        ["21069202", 50, 0, 50],
        ["20522600", 25, 0, 25],
        ["19859079", 25, 0, 25],
      ],
    });

    // 2. Partially cancel 900 points → rejected, nothing created.
    const before = await countRows();
    expect(await outcome(() => cancel({ withdrawTransactionId: w.transactionId, sourceTransactionId: "line-2", pointsToRefund: 900 }))).toBe("OVER_REFUND");
    expect(await countRows()).toEqual(before);
    expect((await table(w.transactionId, seedIdOf)).order).toEqual([1000, 200, 800]);

    // 3. Partially cancel 200 points with the same sourceTransactionId as step 1 → a second refund: three deposits 75 / 25 / 100.
    const third = await cancel({ withdrawTransactionId: w.transactionId, sourceTransactionId: source, pointsToRefund: 200, effectiveAt: "2018-08-12T09:00:00Z" });
    expect(third.id).not.toBe(first.id);
    expect(third).toMatchObject({ pointsWithdrawn: 1000, pointsCanceled: 400, pointsCancelable: 600 });
    expect(third.deposits.map((d) => [d.programId, d.points, d.sourceTransactionId])).toEqual([
      ["P-21991354", 75, source],
      ["P-21879877", 25, source],
      ["P-21530562", 100, source],
    ]);
    expect((await f.db.pointsTransaction.findMany({ where: { cancellationId: third.id } })).map((d) => d.points).sort((a, b) => a - b)).toEqual([25, 75, 100]);
    // Both refunds are in the ledger under the one reference: 200 + 75 + 25 + 100 points.
    const cancellations = await f.db.pointsCancellation.findMany({ where: { withdrawalId: w.transactionId }, orderBy: { effectiveAt: "asc" } });
    expect(cancellations.map((c) => [c.sourceTransactionId, c.pointsRefunded])).toEqual([
      [source, 200],
      [source, 200],
    ]);
    expect((await f.db.pointsTransaction.findMany({ where: { sourceTransactionId: source, type: "DEPOSIT" } })).map((d) => d.points).sort((a, b) => a - b)).toEqual([25, 75, 100, 200]);
    expect(await table(w.transactionId, seedIdOf)).toEqual({
      order: [1000, 400, 600],
      rows: [
        ["21991354", 275, 275, 0],
        ["21879877", 25, 25, 0],
        ["21530562", 200, 100, 100],
        ["21434907", 200, 0, 200],
        ["21434905", 200, 0, 200],
        ["21069202", 50, 0, 50],
        ["20522600", 25, 0, 25],
        ["19859079", 25, 0, 25],
      ],
    });
    // The consumed deposits themselves were never changed by the cancellations.
    const original = await f.db.pointsTransaction.findUniqueOrThrow({ where: { id: ids.get("21991354")! } });
    expect([original.points, original.remaining, dayOf(original.expiresAt!)]).toEqual([400, 125, "2019-06-30"]);
  });

  it("extends the expiry: redeemed 7/11/2018 with expiry 7/31/2018, cancelled 8/11/2018 → 8/31/2018", async () => {
    const account = await newAccount();
    await deposit(account.id, { programId: "SUMMER", points: 100, expiresAt: "2018-07-31", effectiveAt: "2018-07-01T00:00:00Z" });
    const w = await withdraw(account.id, { points: 60, effectiveAt: "2018-07-11T15:30:00Z" });
    const r = await cancel({ withdrawTransactionId: w.transactionId, sourceTransactionId: "exp-1", pointsToRefund: 60, effectiveAt: "2018-08-11T08:00:00Z" });
    expect(r.deposits).toMatchObject([{ programId: "SUMMER", points: 60, expiresAt: "2018-08-31" }]);
    const row = await f.db.pointsTransaction.findFirstOrThrow({ where: { sourceTransactionId: "exp-1" } });
    expect(row.expiresAt!.toISOString()).toBe("2018-08-31T00:00:00.000Z");
    expect(row.effectiveAt.toISOString()).toBe("2018-08-11T08:00:00.000Z");
  });

  it("EARLIEST_EXPIRY deducts from the soonest-expiring deposits first and refunds them last", async () => {
    const account = await newAccount("EARLIEST_EXPIRY");
    const late = await deposit(account.id, { programId: "A", points: 100, expiresAt: "2019-06-30", effectiveAt: "2018-01-01T00:00:00Z" });
    const soon = await deposit(account.id, { programId: "B", points: 100, expiresAt: "2018-09-30", effectiveAt: "2018-03-01T00:00:00Z" });
    const soonest = await deposit(account.id, { programId: "C", points: 50, expiresAt: "2018-08-31", effectiveAt: "2018-02-01T00:00:00Z" });
    const w = await withdraw(account.id, { points: 120, effectiveAt: "2018-07-11T00:00:00Z" });
    expect(w.allocations).toEqual([
      { depositTransactionId: soonest.transactionId, programId: "C", points: 50 },
      { depositTransactionId: soon.transactionId, programId: "B", points: 70 },
    ]);
    const remaining = await f.db.pointsTransaction.findMany({ where: { id: { in: [late.transactionId, soon.transactionId, soonest.transactionId] } } });
    expect(Object.fromEntries(remaining.map((d) => [d.programId, d.remaining]))).toEqual({ A: 100, B: 30, C: 0 });
    const r = await cancel({ withdrawTransactionId: w.transactionId, sourceTransactionId: "ee-1", pointsToRefund: 80, effectiveAt: "2018-07-21T00:00:00Z" });
    // Reverse order: B's 70 first (81 days left → 2018-10-10), then 10 of C (51 days left → 2018-09-10).
    expect(r.deposits.map((d) => [d.programId, d.points, d.expiresAt])).toEqual([
      ["B", 70, "2018-10-10"],
      ["C", 10, "2018-09-10"],
    ]);
  });

  it("withdrawals skip expired and not-yet-effective deposits and refuse more than the active balance", async () => {
    const account = await newAccount();
    await deposit(account.id, { programId: "OLD", points: 500, expiresAt: "2018-07-01", effectiveAt: "2018-01-01T00:00:00Z" });
    await deposit(account.id, { programId: "LATER", points: 500, expiresAt: "2019-07-01", effectiveAt: "2018-08-01T00:00:00Z" });
    await deposit(account.id, { programId: "NOW", points: 40, expiresAt: "2019-07-01", effectiveAt: "2018-02-01T00:00:00Z" });
    const before = await countRows();
    expect(await outcome(() => withdraw(account.id, { points: 41, effectiveAt: "2018-07-11T00:00:00Z" }))).toBe("INSUFFICIENT_QUANTITY");
    expect(await countRows()).toEqual(before);
    const w = await withdraw(account.id, { points: 40, effectiveAt: "2018-07-11T00:00:00Z" });
    expect(w.allocations.map((a) => [a.programId, a.points])).toEqual([["NOW", 40]]);
  });

  it("20 concurrent 50-point cancellations of a 600-point withdrawal: exactly 12 succeed, totals consistent", async () => {
    const account = await newAccount();
    for (let i = 0; i < 4; i++) await deposit(account.id, { programId: `C${i}`, points: 150, expiresAt: "2030-01-01", effectiveAt: `2025-01-0${i + 1}T00:00:00Z` });
    const w = await withdraw(account.id, { points: 600, effectiveAt: "2025-06-01T00:00:00Z" });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => outcome(() => cancel({ withdrawTransactionId: w.transactionId, sourceTransactionId: `conc-${i}`, pointsToRefund: 50 }))),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(12);
    expect(results.filter((r) => r === "OVER_REFUND")).toHaveLength(8);
    const view = await getPointsWithdrawal(f.db, ops, w.transactionId);
    expect([view.pointsWithdrawn, view.pointsCanceled, view.pointsCancelable]).toEqual([600, 600, 0]);
    expect(view.allocations.every((a) => a.pointsCanceled === a.pointsWithdrawn && a.pointsCancelable === 0)).toBe(true);
    const refunds = await f.db.pointsTransaction.findMany({ where: { accountId: account.id, cancellationId: { not: null } } });
    expect(refunds.reduce((s, d) => s + d.points, 0)).toBe(600);
    const cancellations = await f.db.pointsCancellation.findMany({ where: { withdrawalId: w.transactionId } });
    expect(cancellations).toHaveLength(12);
    expect(cancellations.every((c) => c.pointsRefunded === 50)).toBe(true);
    // Per consumed deposit, the refunds equal what was canceled.
    for (const a of view.allocations) {
      expect(refunds.filter((d) => d.refundsDepositId === a.depositTransactionId).reduce((s, d) => s + d.points, 0)).toBe(a.pointsCanceled);
    }
    expect(await findPointsMismatches(f.db)).toEqual([]);
  });

  it("concurrent withdrawals never take the same points twice: 10 × 100 on 550 active points → exactly 5", async () => {
    const account = await newAccount();
    for (let i = 0; i < 3; i++) await deposit(account.id, { programId: `W${i}`, points: i === 2 ? 150 : 200, expiresAt: "2030-01-01", effectiveAt: `2025-01-0${i + 1}T00:00:00Z` });
    const results = await Promise.all(Array.from({ length: 10 }, () => outcome(() => withdraw(account.id, { points: 100 }))));
    expect(results.filter((r) => r === "OK")).toHaveLength(5);
    expect(results.filter((r) => r === "INSUFFICIENT_QUANTITY")).toHaveLength(5);
    const deposits = await f.db.pointsTransaction.findMany({ where: { accountId: account.id, type: "DEPOSIT" } });
    expect(deposits.reduce((n, d) => n + d.remaining, 0)).toBe(50);
    expect(await f.db.pointsAllocation.aggregate({ where: { deposit: { accountId: account.id } }, _sum: { pointsWithdrawn: true } })).toMatchObject({ _sum: { pointsWithdrawn: 500 } });
  });

  it("sourceTransactionId is a reference, not a de-duplication key: 20 concurrent 10-point cancellations with one reference of a 100-point withdrawal → exactly 10 refunds", async () => {
    const account = await newAccount();
    await deposit(account.id, { programId: "R1", points: 60, expiresAt: "2030-01-01", effectiveAt: "2025-01-01T00:00:00Z" });
    await deposit(account.id, { programId: "R2", points: 60, expiresAt: "2030-01-01", effectiveAt: "2025-01-02T00:00:00Z" });
    const w = await withdraw(account.id, { points: 100, effectiveAt: "2025-06-01T00:00:00Z" });
    const body = { withdrawTransactionId: w.transactionId, sourceTransactionId: "order-7-line-1", pointsToRefund: 10 };
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(() => cancel(body))));
    expect(results.filter((r) => r === "OK")).toHaveLength(10);
    expect(results.filter((r) => r === "OVER_REFUND")).toHaveLength(10);
    const view = await getPointsWithdrawal(f.db, ops, w.transactionId);
    expect([view.pointsWithdrawn, view.pointsCanceled, view.pointsCancelable]).toEqual([100, 100, 0]);
    expect(view.allocations.map((a) => [a.pointsWithdrawn, a.pointsCanceled, a.pointsCancelable])).toEqual([
      [60, 60, 0],
      [40, 40, 0],
    ]);
    const cancellations = await f.db.pointsCancellation.findMany({ where: { withdrawalId: w.transactionId } });
    expect(cancellations.map((c) => [c.sourceTransactionId, c.pointsRefunded, c.causeKey])).toEqual(Array.from({ length: 10 }, () => ["order-7-line-1", 10, null]));
    const refunds = await f.db.pointsTransaction.findMany({ where: { accountId: account.id, sourceTransactionId: "order-7-line-1", type: "DEPOSIT" } });
    expect(refunds.reduce((n, d) => n + d.points, 0)).toBe(100);
    // The same reference once more: nothing is left to give back.
    const before = await countRows();
    expect(await outcome(() => cancel(body))).toBe("OVER_REFUND");
    expect(await countRows()).toEqual(before);
  });

  it("the consistency check notices running totals that disagree with the ledger", async () => {
    const account = await newAccount();
    await deposit(account.id, { programId: "K", points: 100, expiresAt: "2030-01-01", effectiveAt: "2025-01-01T00:00:00Z" });
    const w = await withdraw(account.id, { points: 40, effectiveAt: "2025-06-01T00:00:00Z" });
    await cancel({ withdrawTransactionId: w.transactionId, sourceTransactionId: "k-1", pointsToRefund: 10 });
    expect(await findPointsMismatches(f.db)).toEqual([]);
    await f.db.pointsTransaction.update({ where: { id: w.transactionId }, data: { pointsCancelable: { increment: 5 } } });
    expect((await findPointsMismatches(f.db)).map((m) => m.transactionId)).toContain(w.transactionId);
    await f.db.pointsTransaction.update({ where: { id: w.transactionId }, data: { pointsCancelable: { decrement: 5 } } });
    expect(await findPointsMismatches(f.db)).toEqual([]);
  });

  it("bad input gets a clear error and changes nothing", async () => {
    const account = await newAccount();
    await deposit(account.id, { programId: "X", points: 100, expiresAt: "2030-01-01", effectiveAt: "2025-01-01T00:00:00Z" });
    const w = await withdraw(account.id, { points: 50, effectiveAt: "2025-06-01T00:00:00Z" });
    const before = await countRows();
    // zero / negative / fractional points: refused by the contract and by the command itself
    for (const p of [0, -5, 2.5]) {
      expect(PointsPartialCancellation.safeParse({ withdrawTransactionId: w.transactionId, sourceTransactionId: "b", pointsToRefund: p }).success).toBe(false);
      expect(await outcome(() => cancelPointsWithdrawal(f.db, ops, { withdrawTransactionId: w.transactionId, sourceTransactionId: "b", pointsToRefund: p }))).toBe("VALIDATION_FAILED");
      expect(await outcome(() => withdrawPoints(f.db, ops, account.id, { points: p }))).toBe("VALIDATION_FAILED");
      expect(await outcome(() => depositPoints(f.db, ops, account.id, { programId: "X", points: p, expiresAt: "2030-01-01" }))).toBe("VALIDATION_FAILED");
    }
    expect(await outcome(() => cancel({ withdrawTransactionId: "no-such-withdrawal", sourceTransactionId: "b", pointsToRefund: 1 }))).toBe("NOT_FOUND");
    expect(await outcome(() => cancel({ withdrawTransactionId: w.transactionId, sourceTransactionId: "b", pointsToRefund: 51 }))).toBe("OVER_REFUND");
    expect(
      await outcome(() => cancel({ withdrawTransactionId: w.transactionId, sourceTransactionId: "b", pointsToRefund: 1, effectiveAt: "2025-05-31T23:59:59Z" })),
    ).toBe("VALIDATION_FAILED");
    expect(await outcome(() => deposit(account.id, { programId: "X", points: 10, expiresAt: "2025-01-01", effectiveAt: "2025-01-01T00:00:00Z" }))).toBe("VALIDATION_FAILED");
    expect(await outcome(() => deposit(account.id, { programId: "X", points: 10, expiresAt: "2024-12-31", effectiveAt: "2025-01-01T00:00:00Z" }))).toBe("VALIDATION_FAILED");
    expect(await outcome(() => withdraw(account.id, { points: 51, effectiveAt: "2025-06-02T00:00:00Z" }))).toBe("INSUFFICIENT_QUANTITY");
    expect(await outcome(() => withdraw("no-such-account", { points: 1 }))).toBe("NOT_FOUND");
    expect(await countRows()).toEqual(before);
    // Only OPS (points:write) may change points; a buyer cannot.
    const buyer = await f.as("buyer@demo.test");
    expect(await outcome(() => cancelPointsWithdrawal(f.db, buyer, { withdrawTransactionId: w.transactionId, sourceTransactionId: "b", pointsToRefund: 1 }))).toBe("FORBIDDEN");
    // A buyer does not see someone else's withdrawal.
    expect(await outcome(() => getPointsWithdrawal(f.db, buyer, w.transactionId))).toBe("NOT_FOUND");
  });

  it("an order paid partly with points gives the points share back through the engine when a cancellation refunds money", async () => {
    const buyerEmail = `tender-buyer-${Date.now()}@example.test`;
    const account = await createPointsAccount(f.db, ops, { ownerEmail: buyerEmail, deductionOrder: "FIFO" });
    const now = Date.now();
    const redeemed = new Date(now - 10 * DAY);
    const expiry = dayOf(new Date(now + 20 * DAY));
    await deposit(account.id, { programId: "TENDER-TEST", points: 2500, expiresAt: expiry, effectiveAt: new Date(now - 30 * DAY).toISOString() });
    // Redeemed 10 days ago from points expiring in 20 days: 30 days left at redemption.
    const withdrawal = await withdrawPoints(f.db, ops, account.id, { points: 2500, effectiveAt: redeemed.toISOString() });
    expect(withdrawal.allocations.map((a) => [a.programId, a.points])).toEqual([["TENDER-TEST", 2500]]);
    // 5 × 20.00 + 10.00 tax = 110.00: 60.00 by card, 50.00 with 2,500 points.
    const order = await f.order({
      quantity: 5,
      buyerEmail,
      payments: [
        { method: "CARD", amount: 6000 },
        { method: "POINTS", amount: 5000, pointsWithdrawTransactionId: withdrawal.transactionId },
      ],
    });
    const pointsTender = order.payments.find((p) => p.method === "POINTS")!;
    expect(pointsTender.pointsWithdrawTransactionId).toBe(withdrawal.transactionId);

    // The same withdrawal cannot pay a second order.
    expect(
      await outcome(() =>
        f.order({ quantity: 5, buyerEmail, payments: [{ method: "CARD", amount: 6000 }, { method: "POINTS", amount: 5000, pointsWithdrawTransactionId: withdrawal.transactionId }] }),
      ),
    ).toBe("VALIDATION_FAILED");
    // Its points go back only with the order's money: a direct partial cancellation is refused and creates nothing.
    expect(await outcome(() => cancel({ withdrawTransactionId: withdrawal.transactionId, sourceTransactionId: "direct-1", pointsToRefund: 100 }))).toBe("CONFLICT");
    expect(await f.db.pointsCancellation.count({ where: { withdrawalId: withdrawal.transactionId } })).toBe(0);
    expect(await f.db.pointsTransaction.count({ where: { sourceTransactionId: "direct-1" } })).toBe(0);

    const buyer = await f.as(buyerEmail);
    const cancelLines = (quantity: number) =>
      createCancellationRequest(
        f.db,
        buyer,
        order.id,
        CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId: order.lines[0]!.id, quantity }] } }),
      );
    const r1 = await cancelLines(2);
    expect(r1.status).toBe("COMPLETED");
    const adj1 = await f.db.financialAdjustment.findFirstOrThrow({ where: { causeType: "CancellationRequest", causeId: r1.id, tenderMethod: "POINTS" } });
    expect(adj1.status).toBe("SUCCEEDED");
    const expectedPoints1 = Math.floor((2500 * adj1.amount) / 5000 + 0.5);
    const c1 = await f.db.pointsCancellation.findFirstOrThrow({ where: { withdrawalId: withdrawal.transactionId, sourceTransactionId: r1.id } });
    expect(c1).toMatchObject({ pointsRefunded: expectedPoints1, tenderId: pointsTender.id, tenderAmount: adj1.amount });
    const deposits1 = await f.db.pointsTransaction.findMany({ where: { cancellationId: c1.id } });
    expect(deposits1.map((d) => [d.programId, d.points, d.sourceTransactionId])).toEqual([["TENDER-TEST", expectedPoints1, r1.id]]);
    // Extended expiry: today + the 30 days the deposit had left when it was redeemed.
    expect(dayOf(deposits1[0]!.expiresAt!)).toBe(dayOf(new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()) + 30 * DAY)));

    // The points cancellation carries the refund's cause key: that, not the reference, makes it exactly-once.
    expect(c1.causeKey).toBe(adj1.causeKey);

    // Replaying the gateway call for the same adjustment (a retried refund job), also several at once,
    // gives the same reference and no new points.
    const replayCall = () =>
      defaultGateway(f.db).refund({ idempotencyKey: adj1.causeKey, orderId: order.id, tenderId: pointsTender.id, tenderMethod: "POINTS", amount: adj1.amount, currency: "USD" });
    const replays = await Promise.all(Array.from({ length: 5 }, replayCall));
    expect(replays).toEqual(Array.from({ length: 5 }, () => ({ ok: true, reference: adj1.processorReference })));
    expect(await f.db.pointsCancellation.count({ where: { withdrawalId: withdrawal.transactionId } })).toBe(1);
    expect((await getPointsWithdrawal(f.db, ops, withdrawal.transactionId)).pointsCanceled).toBe(expectedPoints1);

    // A database migrated from before cause keys: the migration gives the tender's cancellation its
    // refund's cause key, so a refund retried after the upgrade still finds it.
    const backfill = /-- Backfill[^\n]*\n(?:--[^\n]*\n)*(UPDATE [\s\S]*?;)/.exec(
      readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "prisma", "migrations", "0007_points_cause_key", `${engine}.sql`), "utf8"),
    )![1]!
      // 0009 later keyed adjustments by cause: the request id 0007 read is now causeId.
      .replaceAll('fa."cancellationRequestId"', 'fa."causeId"');
    await f.db.pointsCancellation.update({ where: { id: c1.id }, data: { causeKey: null } });
    await f.db.$executeRawUnsafe(backfill);
    expect((await f.db.pointsCancellation.findUniqueOrThrow({ where: { id: c1.id } })).causeKey).toBe(adj1.causeKey);
    expect(await replayCall()).toEqual({ ok: true, reference: adj1.processorReference });
    expect(await f.db.pointsCancellation.count({ where: { withdrawalId: withdrawal.transactionId } })).toBe(1);

    // Cancelling the rest gives back exactly all 2,500 points, never more.
    const r2 = await cancelLines(3);
    expect(r2.status).toBe("COMPLETED");
    const o = await getOrder(f.db, buyer, order.id);
    expect(o.payments.find((p) => p.method === "POINTS")!.refunded).toBe(5000);
    const view = await getPointsWithdrawal(f.db, ops, withdrawal.transactionId);
    expect([view.pointsWithdrawn, view.pointsCanceled, view.pointsCancelable]).toEqual([2500, 2500, 0]);
    const refunds = await pointsRefundsForTenders(f.db, [pointsTender.id]);
    expect(refunds.map((r) => r.cancellationRequestId)).toEqual([r2.id, r1.id]);
    expect(refunds.reduce((s, r) => s + r.points, 0)).toBe(2500);
    // The buyer's own points page shows the refunded deposits.
    const mine = await getMyPoints(f.db, buyer);
    expect(mine!.history.filter((h) => h.kind === "REFUNDED" && h.programId === "TENDER-TEST").reduce((s, h) => s + h.points, 0)).toBe(2500);
    await f.assertConsistent();
  });
});
