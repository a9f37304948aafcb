import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { call, keyFor, orderBody } from "./client.ts";

const OPS = () => keyFor("ops@demo.test", "points:write");

function expectProblem(res: { status: number; headers: Headers; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body).toMatchObject({ status, code });
}

let n = 0;
async function account(deductionOrder = "FIFO", ownerEmail = `api-member-${Date.now()}-${++n}@example.test`) {
  const res = await call("POST", "/points/accounts", { key: await OPS(), body: { ownerEmail, deductionOrder } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; ownerEmail: string };
}

async function deposit(accountId: string, body: Record<string, unknown>) {
  const res = await call("POST", `/points/accounts/${accountId}/deposits`, { key: await OPS(), body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { transactionId: string };
}

async function withdraw(accountId: string, body: Record<string, unknown>) {
  return call("POST", `/points/accounts/${accountId}/withdrawals`, { key: await OPS(), body });
}

const counts = async (withdrawalId: string) => {
  const res = await call("GET", `/points/withdrawals/${withdrawalId}`, { key: await OPS() });
  expect(res.status).toBe(200);
  return [res.body.pointsWithdrawn, res.body.pointsCanceled, res.body.pointsCancelable];
};

describe("loyalty points over HTTP", () => {
  it("account → deposits → withdrawal → partial cancellations with the contract's shapes", async () => {
    const a = await account();
    expect(a).toMatchObject({ id: expect.any(String), ownerEmail: expect.stringContaining("@example.test"), deductionOrder: "FIFO", balance: 0 });
    const d1 = await deposit(a.id, { programId: "P1", points: 25, expiresAt: "2018-07-31", effectiveAt: "2018-01-02T00:00:00Z" });
    expect(d1).toMatchObject({ transactionId: expect.any(String), programId: "P1", points: 25, expiresAt: "2018-07-31" });
    const d2 = await deposit(a.id, { programId: "P2", points: 100, expiresAt: "2018-12-31", effectiveAt: "2018-01-03T00:00:00Z" });

    const w = await withdraw(a.id, { points: 75, sourceTransactionId: "order-1", effectiveAt: "2018-07-11T00:00:00Z" });
    expect(w.status).toBe(201);
    expect(w.body).toMatchObject({
      transactionId: expect.any(String),
      allocations: [
        { depositTransactionId: d1.transactionId, points: 25 },
        { depositTransactionId: d2.transactionId, points: 50 },
      ],
    });
    const wid = w.body.transactionId as string;

    const res = await call("POST", "/points/partial-cancellations", {
      key: await OPS(),
      body: { withdrawTransactionId: wid, sourceTransactionId: "line-1", pointsToRefund: 60, effectiveAt: "2018-08-11T00:00:00Z" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      withdrawTransactionId: wid,
      pointsWithdrawn: 75,
      pointsCanceled: 60,
      pointsCancelable: 15,
      deposits: [
        // 50 back to P2 (173 days left on 2018-07-11 → 2019-01-31), then 10 to P1 (20 days left → 2018-08-31).
        { programId: "P2", points: 50, expiresAt: "2019-01-31", sourceTransactionId: "line-1", refundsDepositTransactionId: d2.transactionId },
        { programId: "P1", points: 10, expiresAt: "2018-08-31", sourceTransactionId: "line-1", refundsDepositTransactionId: d1.transactionId },
      ],
    });

    const read = await call("GET", `/points/withdrawals/${wid}`, { key: await keyFor("ops@demo.test", "orders:read") });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      pointsWithdrawn: 75,
      pointsCanceled: 60,
      pointsCancelable: 15,
      allocations: [
        { depositTransactionId: d1.transactionId, pointsWithdrawn: 25, pointsCanceled: 10, pointsCancelable: 15 },
        { depositTransactionId: d2.transactionId, pointsWithdrawn: 50, pointsCanceled: 50, pointsCancelable: 0 },
      ],
    });
  });

  it("over-refund → 409 OVER_REFUND and nothing created; the same source again is a second refund; retries are answered by Idempotency-Key", async () => {
    const a = await account();
    await deposit(a.id, { programId: "P", points: 100, expiresAt: "2030-01-01", effectiveAt: "2025-01-01T00:00:00Z" });
    const wid = (await withdraw(a.id, { points: 100, effectiveAt: "2025-02-01T00:00:00Z" })).body.transactionId;
    const post = async (body: Record<string, unknown>, idempotencyKey?: string) =>
      call("POST", "/points/partial-cancellations", { key: await OPS(), body: { withdrawTransactionId: wid, ...body }, idempotencyKey });

    expectProblem(await post({ sourceTransactionId: "s0", pointsToRefund: 101 }), 409, "OVER_REFUND");
    expect(await counts(wid)).toEqual([100, 0, 100]);

    const first = await post({ sourceTransactionId: "s1", pointsToRefund: 40 });
    expect(first.status).toBe(201);
    // A new HTTP request (other Idempotency-Key) with the same source: a second refund, of other points too.
    const again = await post({ sourceTransactionId: "s1", pointsToRefund: 40 });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ pointsCanceled: 80, pointsCancelable: 20, deposits: [{ points: 40, sourceTransactionId: "s1" }] });
    expect(await counts(wid)).toEqual([100, 80, 20]);
    const other = await post({ sourceTransactionId: "s1", pointsToRefund: 10 });
    expect(other.status).toBe(201);
    expect(await counts(wid)).toEqual([100, 90, 10]);

    // The same Idempotency-Key and body: the original answer, no second refund; other body → 409 IDEMPOTENCY_KEY_REUSED.
    const key = randomUUID();
    const once = await post({ sourceTransactionId: "s2", pointsToRefund: 5 }, key);
    expect(once.status).toBe(201);
    const replay = await post({ sourceTransactionId: "s2", pointsToRefund: 5 }, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(once.body);
    expect(await counts(wid)).toEqual([100, 95, 5]);
    expectProblem(await post({ sourceTransactionId: "s2", pointsToRefund: 4 }, key), 409, "IDEMPOTENCY_KEY_REUSED");
    expectProblem(await post({ sourceTransactionId: "s3", pointsToRefund: 6 }), 409, "OVER_REFUND");
    expect(await counts(wid)).toEqual([100, 95, 5]);
  });

  it("20 concurrent 10-point cancellations with one sourceTransactionId, each its own Idempotency-Key, of a 100-point withdrawal → exactly 10 refunds", async () => {
    const a = await account();
    await deposit(a.id, { programId: "P1", points: 30, expiresAt: "2030-01-01", effectiveAt: "2025-01-01T00:00:00Z" });
    await deposit(a.id, { programId: "P2", points: 90, expiresAt: "2030-01-01", effectiveAt: "2025-01-02T00:00:00Z" });
    const wid = (await withdraw(a.id, { points: 100, effectiveAt: "2025-02-01T00:00:00Z" })).body.transactionId;
    const key = await OPS();
    const body = { withdrawTransactionId: wid, sourceTransactionId: "order-42-line-1", pointsToRefund: 10 };
    const idempotencyKeys = Array.from({ length: 20 }, () => randomUUID());
    const results = await Promise.all(idempotencyKeys.map((idempotencyKey) => call("POST", "/points/partial-cancellations", { key, body, idempotencyKey })));
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(10);
    for (const r of results.filter((r) => r.status !== 201)) expectProblem(r, 409, "OVER_REFUND");
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(10);
    expect(await counts(wid)).toEqual([100, 100, 0]);
    const read = await call("GET", `/points/withdrawals/${wid}`, { key });
    expect(read.body.allocations.map((x: { pointsCanceled: number; pointsCancelable: number }) => [x.pointsCanceled, x.pointsCancelable])).toEqual([
      [30, 0],
      [70, 0],
    ]);
    // Replaying a successful request with its Idempotency-Key answers the original body and refunds nothing more.
    const i = results.findIndex((r) => r.status === 201);
    const replay = await call("POST", "/points/partial-cancellations", { key, body, idempotencyKey: idempotencyKeys[i] });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(results[i]!.body);
    expect(await counts(wid)).toEqual([100, 100, 0]);
  });

  it("bad input → 400/422 problem+json with field paths, and nothing changes", async () => {
    const a = await account();
    await deposit(a.id, { programId: "P", points: 100, expiresAt: "2030-01-01", effectiveAt: "2025-01-01T00:00:00Z" });
    const wid = (await withdraw(a.id, { points: 30, effectiveAt: "2025-02-01T00:00:00Z" })).body.transactionId;
    const key = await OPS();
    const paths = (res: { body: any }) => (res.body.errors ?? []).map((e: { path: string }) => e.path);

    for (const pointsToRefund of [0, -1, 1.5, "5"]) {
      const res = await call("POST", "/points/partial-cancellations", { key, body: { withdrawTransactionId: wid, sourceTransactionId: "x", pointsToRefund } });
      expectProblem(res, 422, "VALIDATION_FAILED");
      expect(paths(res)).toEqual(["pointsToRefund"]);
    }
    const missing = await call("POST", "/points/partial-cancellations", { key, body: {} });
    expectProblem(missing, 422, "VALIDATION_FAILED");
    expect(paths(missing)).toEqual(expect.arrayContaining(["withdrawTransactionId", "sourceTransactionId", "pointsToRefund"]));
    expectProblem(await call("POST", "/points/partial-cancellations", { key, rawBody: "{nope" }), 400, "MALFORMED_JSON");
    expectProblem(await call("POST", "/points/partial-cancellations", { key, idempotencyKey: null, body: {} }), 400, "IDEMPOTENCY_KEY_REQUIRED");
    expectProblem(
      await call("POST", "/points/partial-cancellations", { key, body: { withdrawTransactionId: "nope", sourceTransactionId: "x", pointsToRefund: 1 } }),
      404,
      "NOT_FOUND",
    );
    const early = await call("POST", "/points/partial-cancellations", {
      key,
      body: { withdrawTransactionId: wid, sourceTransactionId: "x", pointsToRefund: 1, effectiveAt: "2025-01-31T00:00:00Z" },
    });
    expectProblem(early, 422, "VALIDATION_FAILED");
    expect(paths(early)).toEqual(["effectiveAt"]);

    const badDeposit = await call("POST", `/points/accounts/${a.id}/deposits`, {
      key,
      body: { programId: "P", points: 10, expiresAt: "2025-01-01", effectiveAt: "2025-01-01T00:00:00Z" },
    });
    expectProblem(badDeposit, 422, "VALIDATION_FAILED");
    expect(paths(badDeposit)).toEqual(["expiresAt"]);
    for (const points of [0, -10, 2.5]) {
      const res = await call("POST", `/points/accounts/${a.id}/deposits`, { key, body: { programId: "P", points, expiresAt: "2030-01-01" } });
      expectProblem(res, 422, "VALIDATION_FAILED");
      expect(paths(res)).toEqual(["points"]);
    }
    const badDate = await call("POST", `/points/accounts/${a.id}/deposits`, { key, body: { programId: "P", points: 1, expiresAt: "31/07/2018" } });
    expect(paths(badDate)).toEqual(["expiresAt"]);
    const tooMuch = await withdraw(a.id, { points: 71, effectiveAt: "2025-03-01T00:00:00Z" });
    expectProblem(tooMuch, 409, "INSUFFICIENT_QUANTITY");
    expectProblem(await withdraw("no-such-account", { points: 1 }), 404, "NOT_FOUND");
    expectProblem(await call("POST", "/points/accounts", { key, body: { ownerEmail: "not-an-email" } }), 422, "VALIDATION_FAILED");
    expectProblem(await call("POST", "/points/accounts", { key, body: { ownerEmail: a.ownerEmail } }), 409, "CONFLICT");

    expect(await counts(wid)).toEqual([30, 0, 30]);
    const left = await withdraw(a.id, { points: 70, effectiveAt: "2025-03-01T00:00:00Z" });
    expect(left.status).toBe(201);
  });

  it("authentication and scopes: 401 without a key, 403 without points:write; GET with orders:read or points:write", async () => {
    expectProblem(await call("POST", "/points/accounts", { body: { ownerEmail: "x@example.test" } }), 401, "UNAUTHENTICATED");
    expectProblem(await call("POST", "/points/accounts", { key: await keyFor("ops@demo.test", "orders:read"), body: { ownerEmail: "x@example.test" } }), 403, "FORBIDDEN");
    expectProblem(await call("POST", "/points/accounts", { key: await keyFor("buyer@demo.test", "*"), body: { ownerEmail: "x@example.test" } }), 403, "FORBIDDEN");
    const a = await account();
    await deposit(a.id, { programId: "P", points: 10, expiresAt: "2030-01-01", effectiveAt: "2025-01-01T00:00:00Z" });
    const wid = (await withdraw(a.id, { points: 10, effectiveAt: "2025-02-01T00:00:00Z" })).body.transactionId;
    expect((await call("GET", `/points/withdrawals/${wid}`, { key: await keyFor("ops@demo.test", "points:write") })).status).toBe(200);
    expect((await call("GET", `/points/withdrawals/${wid}`, { key: await keyFor("ops@demo.test", "orders:read") })).status).toBe(200);
    expectProblem(await call("GET", `/points/withdrawals/${wid}`, { key: await keyFor("ops@demo.test", "cancellations:write") }), 403, "FORBIDDEN");
    // Another person's withdrawal is out of a buyer's reach.
    expectProblem(await call("GET", `/points/withdrawals/${wid}`, { key: await keyFor("buyer@demo.test", "orders:read") }), 404, "NOT_FOUND");
  });

  it("an order paid partly with points: intake checks the withdrawal; a cancellation gives the points share back", async () => {
    const ALL = await keyFor("integration@demo.test", "*");
    const buyerEmail = `api-points-buyer-${Date.now()}@example.test`;
    const a = await account("FIFO", buyerEmail);
    await deposit(a.id, { programId: "WELCOME", points: 1000, expiresAt: "2099-01-01", effectiveAt: "2025-01-01T00:00:00Z" });
    const wid = (await withdraw(a.id, { points: 1000 })).body.transactionId;
    // 5 × 20.00 + 10.00 tax = 110.00: 100.00 by card, 10.00 with 1,000 points.
    const payments = [
      { method: "CARD", amount: 10000 },
      { method: "POINTS", amount: 1000, pointsWithdrawTransactionId: wid },
    ];
    const wrongBuyer = await call("POST", "/orders", { key: ALL, body: orderBody({ payments }) });
    expectProblem(wrongBuyer, 422, "VALIDATION_FAILED");
    expect(wrongBuyer.body.errors).toEqual([{ path: "payments[1].pointsWithdrawTransactionId", message: expect.stringContaining("no points withdrawal") }]);
    const placed = await call("POST", "/orders", { key: ALL, body: orderBody({ buyerEmail, payments }) });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body.payments).toMatchObject([{ method: "CARD" }, { method: "POINTS", amount: 1000, pointsWithdrawTransactionId: wid }]);

    const cancel = await call("POST", `/orders/${placed.body.id}/cancellation-requests`, {
      key: ALL,
      body: { cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "ORDER" } },
    });
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(201);
    expect(cancel.body.status).toBe("COMPLETED");
    expect(cancel.body.refund.byTender).toEqual(expect.arrayContaining([expect.objectContaining({ method: "POINTS", amount: 1000 })]));
    expect(await counts(wid)).toEqual([1000, 1000, 0]);
    const order = await call("GET", `/orders/${placed.body.id}`, { key: ALL });
    expect(order.body.payments.find((p: { method: string }) => p.method === "POINTS").refunded).toBe(1000);
  });
});
