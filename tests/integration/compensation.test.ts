import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { approveCancellationRequest } from "../../lib/modules/cancellations/server/decide-cancellation.ts";
import { completeCompensationTask, failCompensationTask } from "../../lib/modules/compensation/server/compensation-tasks.ts";
import { compensationJob, enqueueCompensationJob } from "../../lib/modules/compensation/server/compensation-job.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { getOrder } from "../../lib/modules/orders/server/queries.ts";
import { failNextRefundCalls, failNextRefunds, failRefundCall } from "../../lib/modules/payments/server/built-in-gateway.ts";
import { drainJobs, runnerId } from "../../lib/platform/jobs/runner.ts";
import { JOB_HANDLERS } from "../../lib/wiring.ts";
import { abandonFalloutCase, getFalloutCase, listFalloutCases, resolveFalloutCase, retryFalloutCase } from "../../lib/modules/compensation/server/fallout-cases.ts";
import { reconcile } from "../../lib/modules/checks/server/reconciliation.ts";

const cancelOne = (orderLineId: string, quantity = 1) =>
  CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId, quantity }] } });

const HOUR = 60 * 60_000;

describe.each(engines())("compensation and fallout on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 500);
  });
  afterAll(async () => {
    await f?.drop();
  });

  /** The background runner, at a time far enough ahead that every backoff has passed. */
  const runLater = (ms: number) => drainJobs(f.db, { owner: runnerId("test"), handlers: JOB_HANDLERS, now: () => new Date(Date.now() + ms) });
  const requestOf = (id: string) => f.db.cancellationRequest.findUniqueOrThrow({ where: { id } });
  const refundTask = (requestId: string) => f.db.compensationTask.findFirstOrThrow({ where: { causeType: "CancellationRequest", causeId: requestId, type: "ISSUE_REFUND" } });

  it("a refund declined 3 times falls out to OPS, who resolves it with evidence; the request then COMPLETES", async () => {
    const order = await f.order({ quantity: 2 });
    await failNextRefunds(f.db, order.id, "DECLINE", 3);
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancelOne(order.lines[0]!.id));
    expect(r.status).toBe("FAILED");
    expect(r.failureReason).toMatch(/declined/);
    const task = await refundTask(r.id);
    expect(task).toMatchObject({ reversibility: "NONE", externalEffect: "PAYMENT", status: "FAILED" });
    expect(await f.db.falloutCase.count({ where: { compensationTaskId: task.id } })).toBe(0); // retries remain
    await runLater(10_000); // attempt 2
    await runLater(HOUR); // attempt 3: exhausted
    const job = await f.db.job.findUniqueOrThrow({ where: { key: `compensation:${task.id}` }, include: { attemptLog: { orderBy: { attempt: "asc" } } } });
    expect(job).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(job.attemptLog.map((a) => a.outcome)).toEqual(["RETRY", "RETRY", "FAILED"]);
    expect(job.attemptLog.every((a) => /declined/.test(a.error ?? ""))).toBe(true);
    expect((await requestOf(r.id)).status).toBe("FAILED");
    const ops = await f.as("ops@demo.test");
    const queue = await listFalloutCases(f.db, ops, { status: "ACTIVE", limit: 100 });
    const c = queue.items.find((x) => x.task?.id === task.id)!;
    expect(c).toMatchObject({ status: "OPEN", orderNumber: order.number, cancellationStatus: "FAILED", task: { type: "ISSUE_REFUND", amount: 2200 } });
    expect(c.reason).toMatch(/failed after 3 attempt/);
    expect((c.context as { refunds: { status: string }[] }).refunds).toMatchObject([{ status: "FAILED" }]);
    expect((await getFalloutCase(f.db, ops, c.id)).attempts).toHaveLength(3);
    // bad input changes nothing
    expect(await outcome(() => resolveFalloutCase(f.db, ops, c.id, { evidence: "  " }))).toBe("VALIDATION_FAILED");
    expect(await outcome(() => resolveFalloutCase(f.db, ops, "no-such-case", { evidence: "x" }))).toBe("NOT_FOUND");
    expect(await outcome(async () => resolveFalloutCase(f.db, await f.as("seller@demo.test"), c.id, { evidence: "x" }))).toBe("FORBIDDEN");
    expect((await getFalloutCase(f.db, ops, c.id)).status).toBe("OPEN");

    const resolved = await resolveFalloutCase(f.db, ops, c.id, { evidence: "Refunded by bank transfer, ticket FIN-123" });
    expect(resolved).toMatchObject({ status: "RESOLVED", evidence: "Refunded by bank transfer, ticket FIN-123", resolvedBy: "ops@demo.test", cancellationStatus: "COMPLETED" });
    expect(await requestOf(r.id)).toMatchObject({ status: "COMPLETED", refundedTotal: 2200, failureReason: null });
    const o = await getOrder(f.db, await f.as("buyer@demo.test"), order.id);
    expect(o.totals.refunded).toBe(2200);
    expect(await f.db.financialAdjustment.findFirstOrThrow({ where: { causeType: "CancellationRequest", causeId: r.id } })).toMatchObject({ status: "SUCCEEDED", processorReference: `manual:${c.number}` });
    expect(await f.db.gatewayRefund.count({ where: { orderId: order.id } })).toBe(0);
    // a settled case cannot be retried, resolved or abandoned again
    expect(await outcome(() => retryFalloutCase(f.db, ops, c.id))).toBe("CONFLICT");
    expect(await outcome(() => abandonFalloutCase(f.db, ops, c.id, { reason: "x" }))).toBe("CONFLICT");
    const history = (await f.db.orderHistory.findMany({ where: { orderId: order.id } })).map((h) => h.action);
    expect(history).toEqual(expect.arrayContaining(["FALLOUT_OPENED", "FALLOUT_RESOLVED", "CANCELLATION_COMPLETED"]));
    await f.assertConsistent();
  });

  it("a timeout then success records exactly one refund, asked for again with the same reference", async () => {
    const order = await f.order({ quantity: 2 });
    await failNextRefunds(f.db, order.id, "TIMEOUT", 1);
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancelOne(order.lines[0]!.id));
    expect(r.status).toBe("EXECUTING"); // outcome unknown: not a failure yet
    const adjustment = await f.db.financialAdjustment.findFirstOrThrow({ where: { causeType: "CancellationRequest", causeId: r.id } });
    expect(adjustment).toMatchObject({ status: "UNKNOWN", processorReference: null });
    const atGateway = await f.db.gatewayRefund.findMany({ where: { orderId: order.id } });
    expect(atGateway).toHaveLength(1); // the processor did it; the answer was lost
    await runLater(10_000);
    expect(await requestOf(r.id)).toMatchObject({ status: "COMPLETED", refundedTotal: 2200 });
    expect(await f.db.gatewayRefund.count({ where: { orderId: order.id } })).toBe(1);
    expect(await f.db.financialAdjustment.findFirstOrThrow({ where: { id: adjustment.id } })).toMatchObject({
      status: "SUCCEEDED",
      processorReference: atGateway[0]!.reference,
    });
    expect(atGateway[0]!.idempotencyKey).toBe(adjustment.causeKey);
    expect((await getOrder(f.db, await f.as("buyer@demo.test"), order.id)).totals.refunded).toBe(2200);
    await f.assertConsistent();
  });

  it("the gateway fails per call too: a declined retry of one call, then success", async () => {
    const order = await f.order({ quantity: 2 });
    await failNextRefundCalls(f.db, "DECLINE", 1); // whatever the order
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancelOne(order.lines[0]!.id));
    expect(r.status).toBe("FAILED");
    const adjustment = await f.db.financialAdjustment.findFirstOrThrow({ where: { causeType: "CancellationRequest", causeId: r.id } });
    await failRefundCall(f.db, adjustment.causeKey, "TRANSIENT", 1); // exactly this call
    await runLater(10_000);
    expect(await requestOf(r.id)).toMatchObject({ status: "FAILED", failureReason: expect.stringMatching(/unavailable/) });
    await runLater(HOUR);
    expect(await requestOf(r.id)).toMatchObject({ status: "COMPLETED", failureReason: null });
    expect(await f.db.falloutCase.count({ where: { orderId: order.id } })).toBe(0);
    expect(await f.db.gatewayRefund.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("OPS retries a fallen-out refund after the gateway is healthy again; the case resolves itself and the buyer is refunded", async () => {
    const order = await f.order({ quantity: 2 });
    await failNextRefunds(f.db, order.id, "TRANSIENT", 3);
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancelOne(order.lines[0]!.id));
    expect(r.status).toBe("FAILED");
    await runLater(10_000);
    await runLater(HOUR);
    const ops = await f.as("ops@demo.test");
    const task = await refundTask(r.id);
    const c = (await listFalloutCases(f.db, ops, { status: "OPEN", limit: 100 })).items.find((x) => x.task?.id === task.id)!;
    expect(c).toBeDefined();
    const retried = await retryFalloutCase(f.db, ops, c.id);
    expect(retried).toMatchObject({ status: "RESOLVED", cancellationStatus: "COMPLETED", task: { status: "DONE" } });
    expect(retried.attempts.map((a) => a.outcome)).toEqual(["RETRY", "RETRY", "FAILED", "SUCCEEDED"]);
    expect(await f.db.gatewayRefund.count({ where: { orderId: order.id } })).toBe(1);
    expect((await getOrder(f.db, await f.as("buyer@demo.test"), order.id)).totals.refunded).toBe(2200);
    const history = (await f.db.orderHistory.findMany({ where: { orderId: order.id } })).map((h) => h.action);
    expect(history).toEqual(expect.arrayContaining(["FALLOUT_OPENED", "FALLOUT_RETRIED", "FALLOUT_RESOLVED", "REFUND_PROCESSED"]));
    await f.assertConsistent();
  });

  it("a failed manual recall falls out; OPS retries, the seller confirms, the case resolves and the request completes", async () => {
    const order = await f.order({ quantity: 3 });
    const line = order.lines[0]!.id;
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE"] as const) await recordFulfillmentEvent(f.db, seller, order.id, { type, lines: [{ orderLineId: line, quantity: 3 }] });
    const r = await createCancellationRequest(f.db, seller, order.id, cancelOne(line));
    const approved = await approveCancellationRequest(f.db, await f.as("supervisor@demo.test"), order.id, r.id, {});
    const recall = approved.compensationTasks.find((t) => t.type === "RECALL_FROM_WAREHOUSE")!;
    const row = await f.db.compensationTask.findUniqueOrThrow({ where: { id: recall.id } });
    expect(row).toMatchObject({ mode: "MANUAL", reversibility: "MANUAL", externalEffect: "WAREHOUSE" });
    expect(row.dueAt!.getTime()).toBeGreaterThan(Date.now() + 47 * HOUR);
    // bad input: an automatic task, another store's task, an unknown id
    const refund = approved.compensationTasks.find((t) => t.type === "ISSUE_REFUND")!;
    expect(await outcome(async () => completeCompensationTask(f.db, await f.as("ops@demo.test"), refund.id, { evidence: "x" }))).toBe("CONFLICT");
    expect(await outcome(async () => completeCompensationTask(f.db, await f.as("seller2@demo.test"), recall.id, { evidence: "x" }))).toBe("NOT_FOUND");
    expect(await outcome(() => completeCompensationTask(f.db, seller, "no-such-task", { evidence: "x" }))).toBe("NOT_FOUND");

    await failCompensationTask(f.db, seller, recall.id, { reason: "Wave already left the building" });
    expect(await requestOf(r.id)).toMatchObject({ status: "FAILED", failureReason: "Wave already left the building" });
    expect(await outcome(() => completeCompensationTask(f.db, seller, recall.id, { evidence: "x" }))).toBe("CONFLICT"); // failed, not open
    const ops = await f.as("ops@demo.test");
    const c = (await listFalloutCases(f.db, ops, { status: "OPEN", limit: 100, orderId: order.id })).items[0]!;
    expect(c).toMatchObject({ reason: "recall from warehouse failed: Wave already left the building", task: { id: recall.id } });
    const retried = await retryFalloutCase(f.db, ops, c.id);
    expect(retried).toMatchObject({ status: "IN_REPAIR", task: { status: "PENDING" }, cancellationStatus: "EXECUTING" });
    await completeCompensationTask(f.db, seller, recall.id, { evidence: "Pulled back at dock 4" });
    expect(await getFalloutCase(f.db, ops, c.id)).toMatchObject({ status: "RESOLVED", cancellationStatus: "COMPLETED" });
    expect((await requestOf(r.id)).status).toBe("COMPLETED");
    await f.assertConsistent();
  });

  it("a manual task not confirmed by its due date opens a fallout case, once; abandoning it ends the request PARTIALLY_COMPLETED", async () => {
    const order = await f.order({ quantity: 2 });
    const line = order.lines[0]!.id;
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE"] as const) await recordFulfillmentEvent(f.db, seller, order.id, { type, lines: [{ orderLineId: line, quantity: 2 }] });
    const r = await createCancellationRequest(f.db, seller, order.id, cancelOne(line));
    await approveCancellationRequest(f.db, await f.as("supervisor@demo.test"), order.id, r.id, {});
    const recall = await f.db.compensationTask.findFirstOrThrow({ where: { causeType: "CancellationRequest", causeId: r.id, type: "RECALL_FROM_WAREHOUSE" } });
    const overdue = async (at: number) => {
      const job = { id: "x", type: "compensation.overdue", key: "x", payload: {}, attempts: 1, maxAttempts: 1 };
      return JOB_HANDLERS["compensation.overdue"]!.run({ db: f.db, now: new Date(Date.now() + at), owner: "t", attempt: 1, maxAttempts: 1 }, job);
    };
    await overdue(HOUR);
    expect(await f.db.falloutCase.count({ where: { compensationTaskId: recall.id } })).toBe(0);
    await overdue(49 * HOUR);
    await overdue(50 * HOUR);
    const cases = await f.db.falloutCase.findMany({ where: { compensationTaskId: recall.id } });
    expect(cases).toHaveLength(1);
    expect(cases[0]!.reason).toMatch(/not confirmed by/);
    expect((await requestOf(r.id)).status).toBe("EXECUTING"); // still waiting on the warehouse
    const ops = await f.as("ops@demo.test");
    expect(await outcome(() => abandonFalloutCase(f.db, ops, cases[0]!.id, { reason: "" }))).toBe("VALIDATION_FAILED");
    const abandoned = await abandonFalloutCase(f.db, ops, cases[0]!.id, { reason: "Unit shipped anyway; handled as a return" });
    expect(abandoned).toMatchObject({ status: "ABANDONED", resolution: "Unit shipped anyway; handled as a return", task: { status: "CANCELLED" }, cancellationStatus: "PARTIALLY_COMPLETED" });
    expect(await outcome(() => retryFalloutCase(f.db, ops, cases[0]!.id))).toBe("CONFLICT");
  });

  it("replaying the work creates no second task and never refunds twice", async () => {
    const order = await f.order({ quantity: 2 });
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancelOne(order.lines[0]!.id));
    expect(r.status).toBe("COMPLETED");
    const task = await refundTask(r.id);
    // the same cause cannot make a second task …
    await expect(
      f.db.compensationTask.create({ data: { causeKey: task.causeKey, orderId: order.id, causeType: "CancellationRequest", causeId: r.id, type: "ISSUE_REFUND", mode: "AUTOMATIC", status: "PENDING" } }),
    ).rejects.toMatchObject({ code: "P2002" });
    // … enqueueing it again is the same job, and re-running the job does nothing
    await f.db.$transaction((tx) => enqueueCompensationJob(tx as never, task.id));
    expect(await f.db.job.count({ where: { key: `compensation:${task.id}` } })).toBe(1);
    const job = await f.db.job.findUniqueOrThrow({ where: { key: `compensation:${task.id}` } });
    expect(await compensationJob.run({ db: f.db, now: new Date(), owner: "replay", attempt: 9, maxAttempts: 9 }, { ...job, attempts: 9 })).toEqual({ skipped: "DONE" });
    await f.db.job.update({ where: { id: job.id }, data: { status: "READY", runAt: new Date(0) } });
    await runLater(0);
    expect(await f.db.compensationTask.count({ where: { causeType: "CancellationRequest", causeId: r.id } })).toBe(1);
    expect(await f.db.gatewayRefund.count({ where: { orderId: order.id } })).toBe(1);
    expect((await f.db.order.findUniqueOrThrow({ where: { id: order.id } })).refunded).toBe(2200);
    expect(await outcome(async () => approveCancellationRequest(f.db, f.as === undefined ? (null as never) : await f.as("supervisor@demo.test"), order.id, r.id, {}))).toBe("CONFLICT");
    await f.assertConsistent();
  });

  it("reconciliation reports nothing on healthy data and points at what is wrong", async () => {
    const healthy = await reconcile(f.db, { now: new Date(Date.now() + 2 * HOUR) });
    expect(healthy.findings).toEqual([]);
    const order = await f.order({ quantity: 2 });
    await f.db.orderLine.update({ where: { id: order.lines[0]!.id }, data: { qtyOpen: 7 } });
    await f.db.order.update({ where: { id: order.id }, data: { refunded: 999_999 } });
    const report = await reconcile(f.db);
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ check: "QUANTITY_LEDGER", objectId: order.lines[0]!.id, href: `/seller/orders/${order.id}` }),
        expect.objectContaining({ check: "MONEY", objectId: order.id, problem: expect.stringMatching(/refunded 999999 > paid/) }),
      ]),
    );
    await f.db.orderLine.update({ where: { id: order.lines[0]!.id }, data: { qtyOpen: 2 } });
    await f.db.order.update({ where: { id: order.id }, data: { refunded: 0 } });
    expect((await reconcile(f.db)).findings).toEqual([]);

    // Split brain: the processor refunded (its answer lost), every retry failed, nothing booked.
    const lost = await f.order({ quantity: 2 });
    await failNextRefunds(f.db, lost.id, "TIMEOUT", 1);
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), lost.id, cancelOne(lost.lines[0]!.id));
    expect((await reconcile(f.db)).findings).toEqual([]); // a retry is still due: in flight, not a finding
    await f.db.job.updateMany({ where: { key: `compensation:${(await refundTask(r.id)).id}` }, data: { status: "FAILED" } });
    expect((await reconcile(f.db)).findings).toEqual([expect.objectContaining({ check: "GATEWAY", objectId: lost.id, problem: expect.stringMatching(/but the refund is unknown here/) })]);
    await runLater(0); // nothing due
    await f.db.job.updateMany({ where: { key: `compensation:${(await refundTask(r.id)).id}` }, data: { status: "READY" } });
    await runLater(HOUR);
    expect((await reconcile(f.db)).findings).toEqual([]);
  });
});
