import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { inTransaction } from "../../lib/platform/db/tx.ts";
import { notFound } from "../../lib/platform/errors.ts";
import { lockOrder } from "../../lib/modules/orders/server/order-command.ts";
import { orderReadWhere } from "../../lib/modules/orders/server/scope.ts";
import { createApprovalTasks } from "../../lib/modules/approvals/server/tasks.ts";
import { registerApprovalSubject, type ApprovalSubjectHandler } from "../../lib/modules/approvals/server/subjects.ts";
import { decideApproval } from "../../lib/modules/approvals/server/decide.ts";
import { listPendingApprovals } from "../../lib/modules/approvals/server/queue.ts";
import { APPROVAL_SUBJECTS } from "../../lib/wiring.ts";

// A second kind of subject, known only to this test: an amendment kept in memory. It goes through
// the same registry the composition root fills, so the engine cannot tell it from a cancellation.
const SUBJECT = "TEST_AMENDMENT";
interface Amendment {
  id: string;
  number: string;
  orderId: string;
  requestedById: string;
  status: string;
  afterCommit: number;
  endedWith?: { outcome: string; comment: string; level?: string };
}
const amendments = new Map<string, Amendment>();

const amendmentSubject: ApprovalSubjectHandler = {
  async lock(tx, actor, ref, expectedVersion) {
    const a = amendments.get(ref.id);
    if (!a || (ref.orderId !== undefined && ref.orderId !== a.orderId)) throw notFound("Amendment request");
    const order = await lockOrder(tx, a.orderId, orderReadWhere(actor), expectedVersion);
    return { order, id: a.id, label: `amendment ${a.number}`, pending: a.status === "PENDING_APPROVAL", status: a.status, storeIds: [], requestedById: a.requestedById };
  },
  decisionEvents: { approved: "OrderAmendmentApproved", rejected: "OrderAmendmentRejected" },
  async approved(_tx, _actor, subject) {
    amendments.get(subject.id)!.status = "APPROVED";
  },
  async ended(_tx, _actor, subject, outcome, comment, level) {
    Object.assign(amendments.get(subject.id)!, { status: outcome, endedWith: { outcome, comment, level } });
  },
  async afterCommit(_db, _actor, subjectId) {
    amendments.get(subjectId)!.afterCommit++;
  },
  async statusOf(_db, subjectId) {
    return amendments.get(subjectId)!.status;
  },
  async summaries(_db, ids) {
    const found = ids.flatMap((id) => (amendments.has(id) ? [amendments.get(id)!] : []));
    return new Map(found.map((a) => [a.id, { label: `Amendment ${a.number}`, number: a.number, orderId: a.orderId, stores: ["acme"], amount: 1234, requestedBy: "buyer@demo.test", reasonCode: "PRICE_CHANGE" }]));
  },
};

describe.each(engines())("a second approval subject on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 500);
    registerApprovalSubject(SUBJECT, amendmentSubject);
  });
  afterAll(async () => {
    await f?.drop();
  });

  /** An amendment of a fresh order asked by the buyer, needing these levels. */
  async function amendment(levels: ("SUPERVISOR" | "MANAGER" | "DIRECTOR")[]) {
    const order = await f.order({ quantity: 2 });
    const buyer = await f.as("buyer@demo.test");
    const a: Amendment = { id: `amd-${order.id}`, number: `AM-${amendments.size + 1}`, orderId: order.id, requestedById: buyer.userId, status: "PENDING_APPROVAL", afterCommit: 0 };
    amendments.set(a.id, a);
    const tasks = await inTransaction(f.db, (tx) =>
      createApprovalTasks(tx, { type: SUBJECT, id: a.id, orderId: order.id, requestedById: buyer.userId }, levels.map((level) => ({ level, rule: `TEST_${level}`, reason: "Price change" }))),
    );
    return { a, order, tasks };
  }

  it("is not one of the product's subjects: only this test registers it", () => {
    expect(Object.keys(APPROVAL_SUBJECTS)).not.toContain(SUBJECT);
  });

  it("is listed in the queue with its own summary, only to who may sign it", async () => {
    const { a, order, tasks } = await amendment(["MANAGER"]);
    const forManager = (await listPendingApprovals(f.db, await f.as("manager@demo.test"), { limit: 100 })).filter((t) => t.requestId === a.id);
    expect(forManager).toEqual([
      expect.objectContaining({ taskId: tasks[0]!.id, subjectType: SUBJECT, level: "MANAGER", label: `Amendment ${a.number}`, requestNumber: a.number, orderId: order.id, orderNumber: order.number, stores: ["acme"], refundTotal: 1234 }),
    ]);
    expect((await listPendingApprovals(f.db, await f.as("supervisor@demo.test"), { limit: 100 })).some((t) => t.requestId === a.id)).toBe(false);
  });

  it("is approved through decideApproval with the same history action and its own event", async () => {
    const { a, order, tasks } = await amendment(["SUPERVISOR", "MANAGER"]);
    const manager = await f.as("manager@demo.test");
    expect(await outcome(() => decideApproval(f.db, manager, { type: SUBJECT, id: a.id, orderId: "another-order" }, { decision: "APPROVE" }))).toBe("NOT_FOUND");
    expect(await outcome(async () => decideApproval(f.db, await f.as("supervisor@demo.test"), { type: SUBJECT, id: a.id }, { decision: "APPROVE", taskId: tasks[1]!.id }))).toBe("FORBIDDEN");
    expect(await f.db.approvalTask.count({ where: { subjectId: a.id, status: "PENDING" } })).toBe(2);

    const res = await decideApproval(f.db, manager, { type: SUBJECT, id: a.id, orderId: order.id }, { decision: "APPROVE", comment: "fine" });
    expect(res).toMatchObject({ status: "APPROVED", subjectType: SUBJECT, subjectId: a.id, remaining: 0, subjectStatus: "APPROVED" });
    expect(a.afterCommit).toBe(1);
    const stored = await f.db.approvalTask.findMany({ where: { subjectId: a.id }, orderBy: { level: "asc" } });
    expect(stored.map((t) => [t.level, t.status, t.reviewerId, t.comment])).toEqual(
      expect.arrayContaining([
        ["SUPERVISOR", "APPROVED", manager.userId, "fine"],
        ["MANAGER", "APPROVED", manager.userId, "fine"],
      ]),
    );
    const history = await f.db.orderHistory.findMany({ where: { orderId: order.id, action: "APPROVAL_SIGNED" } });
    expect(history.map((h) => h.data)).toEqual([expect.objectContaining({ subjectType: SUBJECT, subjectId: a.id, levels: ["SUPERVISOR", "MANAGER"] })]);
    const events = await f.db.outboxEvent.findMany({ where: { orderId: order.id, type: { in: ["OrderAmendmentApproved", "OrderCancellationApproved"] } } });
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ["OrderAmendmentApproved", expect.objectContaining({ subjectType: SUBJECT, subjectId: a.id, taskIds: tasks.map((t) => t.id), remaining: 0, comment: "fine" })],
    ]);
    expect(await outcome(() => decideApproval(f.db, manager, { type: SUBJECT, id: a.id }, { decision: "APPROVE" }))).toBe("CONFLICT");
  });

  it("is rejected through decideApproval: one task rejected, the rest closed, the subject ended", async () => {
    const { a, order, tasks } = await amendment(["MANAGER", "DIRECTOR"]);
    const director = await f.as("director@demo.test");
    expect(await outcome(() => decideApproval(f.db, director, { type: SUBJECT, id: a.id }, { decision: "REJECT", comment: " " }))).toBe("VALIDATION_FAILED");
    expect(await outcome(async () => decideApproval(f.db, await f.as("buyer@demo.test"), { type: SUBJECT, id: a.id }, { decision: "REJECT", comment: "no" }))).toBe("FORBIDDEN");
    const res = await decideApproval(f.db, director, { type: SUBJECT, id: a.id }, { decision: "REJECT", comment: "Too late", taskId: tasks[1]!.id });
    expect(res).toMatchObject({ status: "REJECTED", taskIds: [tasks[1]!.id], remaining: 0, subjectStatus: "REJECTED" });
    expect(a).toMatchObject({ afterCommit: 0, endedWith: { outcome: "REJECTED", comment: "Too late", level: "DIRECTOR" } });
    const stored = await f.db.approvalTask.findMany({ where: { subjectId: a.id } });
    expect(Object.fromEntries(stored.map((t) => [t.level, t.status]))).toEqual({ MANAGER: "EXPIRED", DIRECTOR: "REJECTED" });
    const history = await f.db.orderHistory.findMany({ where: { orderId: order.id, action: { in: ["APPROVAL_REJECTED", "APPROVAL_SIGNED"] } } });
    expect(history.map((h) => [h.action, h.data])).toEqual([["APPROVAL_REJECTED", expect.objectContaining({ subjectType: SUBJECT, subjectId: a.id, levels: ["DIRECTOR"], comment: "Too late" })]]);
    const events = await f.db.outboxEvent.findMany({ where: { orderId: order.id, type: "OrderAmendmentRejected" } });
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ subjectId: a.id, taskIds: [tasks[1]!.id], levels: ["DIRECTOR"], comment: "Too late" })]);
  });
});
