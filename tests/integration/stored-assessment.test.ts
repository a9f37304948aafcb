import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { InvariantViolation } from "../../lib/platform/errors.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { parseStoredAssessment } from "../../lib/modules/cancellations/contracts/assessment.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { createCancellationRequest, previewCancellation } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { approveCancellationRequest } from "../../lib/modules/cancellations/server/decide-cancellation.ts";
import { getCancellationRequest } from "../../lib/modules/cancellations/server/queries.ts";

// 4 of a 5-unit line, 3 OPEN and 1 RELEASED: the released unit needs a SUPERVISOR, so the request
// waits with its assessment stored; approving it executes what is stored.
const cancelFour = (orderLineId: string) =>
  CreateCancellationRequest.parse({
    cancellationType: "CUSTOMER_REQUEST",
    reasonCode: "CUSTOMER_CHANGED_MIND",
    scope: { type: "LINES", lines: [{ orderLineId, quantity: 4 }] },
  });

describe.each(engines())("stored assessment on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 500);
  });
  afterAll(async () => {
    await f?.drop();
  });

  /** A pending request on a fresh order, with the assessment the buyer was shown just before. */
  const pendingRequest = async () => {
    const order = await f.order({ quantity: 5 });
    const line = order.lines[0]!.id;
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE"] as const) await recordFulfillmentEvent(f.db, seller, order.id, { type, lines: [{ orderLineId: line, quantity: 2 }] });
    const buyer = await f.as("buyer@demo.test");
    const request = cancelFour(line);
    const preview = await previewCancellation(f.db, buyer, order.id, request);
    const created = await createCancellationRequest(f.db, buyer, order.id, request);
    expect(created.status).toBe("PENDING_APPROVAL");
    return { order, line, preview, created };
  };

  const storedRow = (id: string) => f.db.cancellationRequest.findUniqueOrThrow({ where: { id } });

  /** Writes `json` into the request's assessment column with SQL, bypassing the application. */
  const writeRawAssessment = async (id: string, json: string) => {
    const count =
      engine === "postgresql"
        ? await f.db.$executeRaw`UPDATE "cancellation_requests" SET "assessment" = ${json}::jsonb WHERE "id" = ${id}`
        : await f.db.$executeRaw`UPDATE "cancellation_requests" SET "assessment" = ${json} WHERE "id" = ${id}`;
    expect(count).toBe(1);
  };

  /** Everything approving and executing the request would change, read back. */
  const everything = async (orderId: string, requestId: string) => ({
    order: await f.db.order.findUniqueOrThrow({ where: { id: orderId } }),
    lines: await f.db.orderLine.findMany({ where: { orderId }, orderBy: { lineNumber: "asc" } }),
    ledger: await f.db.quantityLedgerEntry.findMany({ where: { orderId }, orderBy: { id: "asc" } }),
    adjustments: await f.db.financialAdjustment.findMany({ where: { orderId }, orderBy: { id: "asc" } }),
    gatewayRefunds: await f.db.gatewayRefund.count({ where: { orderId } }),
    holds: await f.db.orderLineHold.findMany({ where: { orderId }, orderBy: { id: "asc" } }),
    request: await storedRow(requestId),
    approvals: await f.db.approvalTask.findMany({ where: { subjectId: requestId }, orderBy: { id: "asc" } }),
    compensation: await f.db.compensationTask.findMany({ where: { causeId: requestId }, orderBy: { id: "asc" } }),
    history: await f.db.orderHistory.count({ where: { orderId } }),
    outbox: await f.db.outboxEvent.count({ where: { orderId } }),
    supply: await f.db.inventorySupply.findMany({ orderBy: { id: "asc" } }),
  });

  it("stores the assessment with its version; read back and parsed it is the one assessed and shown", async () => {
    const { preview, created } = await pendingRequest();
    const row = await storedRow(created.id);
    const stored = parseStoredAssessment(row.assessment, row);
    expect(stored).toEqual(preview);
    // The column holds exactly the assessment's fields and the version, nothing lost or added.
    expect(row.assessment).toEqual({ ...stored, v: 1 });
    expect(stored.lines).toMatchObject([{ requestedQuantity: 4, cancelQuantity: 4, byStage: { OPEN: 3, RELEASED: 1 }, refund: { total: 8800 } }]);
    expect(created.assessment).toEqual({
      feasibility: stored.feasibility,
      blockers: stored.blockers,
      requiredApprovals: stored.requiredApprovals,
      inventory: stored.inventory,
      compensation: stored.compensation.map(({ amount: _amount, ...c }) => c),
    });
    expect(created.refund.byTender).toEqual(stored.refund.byTender.map((t) => ({ ...t, status: null, reference: null })));
    expect(created.refund.total).toBe(stored.refund.total);
  });

  it.each([
    ["a field of the wrong shape", (a: Record<string, unknown>) => ({ ...a, lines: "four units" }), /does not match version 1.*lines/s],
    ["an unknown feasibility", (a: Record<string, unknown>) => ({ ...a, feasibility: "MAYBE" }), /does not match version 1.*feasibility/s],
    ["a version newer than the code", (a: Record<string, unknown>) => ({ ...a, v: 2 }), /has version 2, newer than version 1/],
    ["not an object", () => [1, 2], /is not a JSON object/],
  ])("a stored assessment corrupted to %s stops the approval with an invariant violation; nothing changes", async (_what, corrupt, message) => {
    const { order, created } = await pendingRequest();
    const row = await storedRow(created.id);
    await writeRawAssessment(created.id, JSON.stringify(corrupt(row.assessment as Record<string, unknown>)));
    const before = await everything(order.id, created.id);
    expect(before.holds.filter((h) => h.active)).toHaveLength(1);

    const approval = approveCancellationRequest(f.db, await f.as("supervisor@demo.test"), order.id, created.id, { comment: "ok" });
    const error = await approval.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InvariantViolation);
    expect((error as InvariantViolation).subject).toBe("cancellation assessment");
    expect((error as Error).message).toContain(`Stored cancellation assessment of cancellation ${created.number}`);
    expect((error as Error).message).toMatch(message);

    // Order version, units, ledger, refunds, holds, approvals, history: all as they were.
    expect(await everything(order.id, created.id)).toEqual(before);
    expect(before.request.status).toBe("PENDING_APPROVAL");
    expect(before.approvals.map((t) => t.status)).toEqual(["PENDING"]);
    // Reading the request fails the same way rather than showing made-up figures.
    await expect(getCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, created.id)).rejects.toThrow(InvariantViolation);
  });

  it("a request stored before assessments carried a version still reads and executes as stored", async () => {
    const { order, line, created } = await pendingRequest();
    const { v, ...legacy } = (await storedRow(created.id)).assessment as Record<string, unknown>;
    expect(v).toBe(1);
    await writeRawAssessment(created.id, JSON.stringify(legacy));
    const legacyRow = await storedRow(created.id);
    expect(legacyRow.assessment).not.toHaveProperty("v");
    expect(parseStoredAssessment(legacyRow.assessment, legacyRow)).toEqual(legacy);

    const approved = await approveCancellationRequest(f.db, await f.as("supervisor@demo.test"), order.id, created.id, { comment: "ok" });
    expect(approved.status).toBe("EXECUTING"); // the released unit's recall is a manual task

    const after = await everything(order.id, created.id);
    const cancelled = after.ledger.filter((e) => e.toBucket === "CANCELLED").map((e) => [e.fromBucket, e.quantity]);
    expect(cancelled.sort()).toEqual([["OPEN", 3], ["RELEASED", 1]]);
    expect(after.lines[0]).toMatchObject({ id: line, qtyOpen: 0, qtyReleased: 1, qtyCancelled: 4 });
    expect(after.adjustments.map((a) => Number(a.amount))).toEqual([8800]);
    expect(after.gatewayRefunds).toBe(1);
    expect(after.holds.filter((h) => h.active)).toEqual([]);
    expect(after.compensation.map((t) => [t.type, t.status]).sort()).toEqual([["ISSUE_REFUND", "DONE"], ["RECALL_FROM_WAREHOUSE", "PENDING"]]);
    await f.assertConsistent();
  });
});
