import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { approveCancellationRequest } from "../../lib/modules/cancellations/server/decide-cancellation.ts";
import { decideApprovalTask } from "../../lib/modules/approvals/server/decide.ts";
import { expireApprovalTasks } from "../../lib/modules/approvals/server/expiry.ts";
import { schedulePeriodicJobs } from "../../lib/platform/jobs/periodic.ts";
import { drainJobs } from "../../lib/platform/jobs/runner.ts";
import { JOB_HANDLERS } from "../../lib/wiring.ts";
import {
  createApprovalRule,
  listApprovalRuleChanges,
  listApprovalRules,
  moveApprovalRule,
  installDefaultApprovalRules,
  setApprovalRuleActive,
  updateApprovalRule,
} from "../../lib/modules/approvals/server/rules.ts";
import { listPendingApprovals } from "../../lib/modules/approvals/server/queue.ts";
import type { FulfilmentEventType } from "../../lib/modules/orders/domain/buckets.ts";
import { parseStoredAssessment } from "../../lib/modules/cancellations/contracts/assessment.ts";

const cancel = (lines: { orderLineId: string; quantity: number }[] | "ORDER", extra: Record<string, unknown> = {}) =>
  CreateCancellationRequest.parse({
    cancellationType: "CUSTOMER_REQUEST",
    reasonCode: "CUSTOMER_CHANGED_MIND",
    scope: lines === "ORDER" ? { type: "ORDER" } : { type: "LINES", lines },
    ...extra,
  });

const MINUTE = 60_000;

describe.each(engines())("approval rules engine on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine, { approvalRules: false });
    await f.stock("SKU-MUG", "DC-EAST", 5000);
    // SPEC §5 defaults plus the §4.2 stage defaults, as a fresh install stores them.
    await installDefaultApprovalRules(f.db);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const advance = async (orderId: string, lineId: string, steps: FulfilmentEventType[], quantity: number) => {
    const seller = await f.as("seller@demo.test");
    for (const type of steps) await recordFulfillmentEvent(f.db, seller, orderId, { type, lines: [{ orderLineId: lineId, quantity }] });
  };
  const tasksOf = (subjectId: string) => f.db.approvalTask.findMany({ where: { subjectId }, orderBy: [{ createdAt: "asc" }, { level: "asc" }] });
  const statusOf = async (id: string) => (await f.db.cancellationRequest.findUniqueOrThrow({ where: { id } })).status;
  const holdsOf = async (id: string) => (await f.db.orderLineHold.findMany({ where: { holderType: "CancellationRequest", holderId: id } })).map((h) => h.active);

  /** 5 mugs at 200.00 + 2.00 tax each: 1,010.00 (≥ 500.00). */
  const bigOrder = (extra: Record<string, unknown> = {}) =>
    f.order({
      lines: [{ sku: "SKU-MUG", itemName: "Big mug", category: "KITCHEN", storeCode: "acme", quantity: 5, unitPrice: 20_000, taxAmount: 1_000, shippingAmount: 0, discountAmount: 0, shipFromLocationCode: "DC-EAST" }],
      payments: [{ method: "CARD", amount: 101_000 }],
      ...extra,
    });

  /** A 1,010.00 order with 2 of its 5 units shipped; the buyer asks for all 5 (3 open, 2 to return). */
  async function highValueShippedRequest() {
    const order = await bigOrder();
    const line = order.lines[0]!.id;
    await advance(order.id, line, ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"], 2);
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel([{ orderLineId: line, quantity: 5 }]));
    const tasks = await tasksOf(r.id);
    return { order, line, r, manager: tasks.find((t) => t.level === "MANAGER")!, director: tasks.find((t) => t.level === "DIRECTOR")! };
  }

  it("a high-value shipped-stage request needs MANAGER and DIRECTOR; MANAGER alone leaves it pending; DIRECTOR completes it", async () => {
    const { r, manager, director } = await highValueShippedRequest();
    expect(r.status).toBe("PENDING_APPROVAL");
    expect(r.assessment.requiredApprovals.map((a) => a.level)).toEqual(["MANAGER", "DIRECTOR"]);
    const rules = await f.db.approvalRule.findMany();
    const byName = new Map(rules.map((x) => [x.name, x.id]));
    expect(manager).toMatchObject({ status: "PENDING", rule: byName.get("High-value orders"), ruleSnapshot: { name: "High-value orders", level: "MANAGER" } });
    expect(director).toMatchObject({ status: "PENDING", rule: byName.get("Shipped or delivered goods") });
    expect(manager.expiresAt!.getTime() - manager.createdAt.getTime()).toBe(24 * 60 * MINUTE);

    const first = await decideApprovalTask(f.db, await f.as("manager@demo.test"), manager.id, { decision: "APPROVE", comment: "ok" });
    expect(first).toMatchObject({ status: "APPROVED", remaining: 1, subjectStatus: "PENDING_APPROVAL" });
    expect(await statusOf(r.id)).toBe("PENDING_APPROVAL");
    // The manager cannot sign the director's task.
    expect(await outcome(async () => decideApprovalTask(f.db, await f.as("manager@demo.test"), director.id, { decision: "APPROVE" }))).toBe("FORBIDDEN");

    const second = await decideApprovalTask(f.db, await f.as("director@demo.test"), director.id, { decision: "APPROVE" });
    expect(second.remaining).toBe(0);
    expect(second.subjectStatus).toBe("PARTIALLY_COMPLETED"); // 3 cancelled and refunded, 2 shipped go through a return
    const history = await f.db.orderHistory.findMany({ where: { orderId: r.orderId, action: "APPROVAL_SIGNED" } });
    expect(history).toHaveLength(2);
    const events = await f.db.outboxEvent.findMany({ where: { orderId: r.orderId, type: "OrderCancellationApproved" }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ subjectType: "CANCELLATION", subjectId: r.id, taskIds: [manager.id], levels: ["MANAGER"], remaining: 1, comment: "ok", eventVersion: 2 }),
      expect.objectContaining({ subjectType: "CANCELLATION", subjectId: r.id, taskIds: [director.id], levels: ["DIRECTOR"], remaining: 0, comment: null }),
    ]);
    await f.assertConsistent();
  });

  it("one rejection by either level ends the request and releases its units", async () => {
    for (const who of ["MANAGER", "DIRECTOR"] as const) {
      const { r, manager, director } = await highValueShippedRequest();
      const task = who === "MANAGER" ? manager : director;
      const approver = await f.as(who === "MANAGER" ? "manager@demo.test" : "director@demo.test");
      const res = await decideApprovalTask(f.db, approver, task.id, { decision: "REJECT", comment: "Keep the order" });
      expect(res.subjectStatus).toBe("REJECTED");
      const tasks = await tasksOf(r.id);
      expect(tasks.find((t) => t.id === task.id)).toMatchObject({ status: "REJECTED", comment: "Keep the order" });
      expect(tasks.filter((t) => t.id !== task.id).map((t) => t.status)).toEqual(["EXPIRED"]);
      expect(await holdsOf(r.id)).toEqual([false]);
      const history = await f.db.orderHistory.findMany({ where: { orderId: r.orderId, action: "APPROVAL_REJECTED" } });
      expect(history.map((h) => h.data)).toEqual([expect.objectContaining({ subjectType: "CANCELLATION", subjectId: r.id, taskIds: [task.id], levels: [who], comment: "Keep the order" })]);
      const events = await f.db.outboxEvent.findMany({ where: { orderId: r.orderId, type: "OrderCancellationRejected" } });
      expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ subjectId: r.id, taskIds: [task.id], levels: [who], remaining: 0, comment: "Keep the order" })]);
    }
  });

  it("two approvers signing the same task at once yield exactly one decision", async () => {
    const { r, manager } = await highValueShippedRequest();
    const signers = [await f.as("manager@demo.test"), await f.as("director@demo.test"), await f.as("integration@demo.test")];
    const results = await Promise.all(signers.map((s) => outcome(() => decideApprovalTask(f.db, s, manager.id, { decision: "APPROVE" }))));
    expect(results.filter((x) => x === "OK")).toHaveLength(1);
    expect(results.filter((x) => x === "CONFLICT")).toHaveLength(2);
    const after = await f.db.approvalTask.findUniqueOrThrow({ where: { id: manager.id } });
    expect(after.status).toBe("APPROVED");
    expect(await f.db.orderHistory.count({ where: { orderId: r.orderId, action: "APPROVAL_SIGNED" } })).toBe(1);
    expect(await statusOf(r.id)).toBe("PENDING_APPROVAL");
  });

  it("bad decisions get a clear error and change nothing", async () => {
    const { order, line, manager } = await highValueShippedRequest();
    const snapshot = async () => (await f.db.approvalTask.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } })).map((t) => [t.id, t.status, t.reviewerId]);
    const before = await snapshot();
    // A second request on the held line is refused too.
    expect(await outcome(async () => createCancellationRequest(f.db, await f.as("seller@demo.test"), order.id, cancel([{ orderLineId: line, quantity: 1 }], { cancellationType: "BUSINESS_RULE" })))).toBe("CONFLICT");
    expect(await outcome(async () => decideApprovalTask(f.db, await f.as("supervisor@demo.test"), manager.id, { decision: "APPROVE" }))).toBe("FORBIDDEN");
    expect(await outcome(async () => decideApprovalTask(f.db, await f.as("buyer@demo.test"), manager.id, { decision: "APPROVE" }))).toBe("FORBIDDEN");
    expect(await outcome(async () => decideApprovalTask(f.db, await f.as("manager@demo.test"), manager.id, { decision: "REJECT", comment: "  " }))).toBe("VALIDATION_FAILED");
    expect(await outcome(async () => decideApprovalTask(f.db, await f.as("manager@demo.test"), "no-such-task", { decision: "APPROVE" }))).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
    await decideApprovalTask(f.db, await f.as("manager@demo.test"), manager.id, { decision: "APPROVE" });
    expect(await outcome(async () => decideApprovalTask(f.db, await f.as("director@demo.test"), manager.id, { decision: "REJECT", comment: "late" }))).toBe("CONFLICT");

    // The requester never signs their own request.
    const o2 = await bigOrder();
    await advance(o2.id, o2.lines[0]!.id, ["ALLOCATE", "RELEASE", "PICK", "PACK"], 1);
    const mine = await createCancellationRequest(f.db, await f.as("integration@demo.test"), o2.id, cancel([{ orderLineId: o2.lines[0]!.id, quantity: 1 }], { cancellationType: "BUSINESS_RULE" }));
    const [t1] = await tasksOf(mine.id);
    expect(await outcome(async () => decideApprovalTask(f.db, await f.as("integration@demo.test"), t1!.id, { decision: "APPROVE" }))).toBe("FORBIDDEN");
    expect((await tasksOf(mine.id)).every((t) => t.status === "PENDING")).toBe(true);
  });

  it("a customer's own request while every unit is OPEN still needs the manager on a 500.00+ order", async () => {
    const order = await bigOrder();
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel([{ orderLineId: order.lines[0]!.id, quantity: 2 }]));
    expect(r.status).toBe("PENDING_APPROVAL");
    expect(r.approvals).toMatchObject([{ level: "MANAGER", rule: "DEFAULT_ORDER_VALUE", ruleName: "High-value orders", status: "PENDING" }]);
    const stored = await f.db.cancellationRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(parseStoredAssessment(stored.assessment, stored).autoApproved).toEqual([]);
    const line = await f.db.orderLine.findUniqueOrThrow({ where: { id: order.lines[0]!.id } });
    expect(line.qtyCancelled).toBe(0);
  });

  it("the queue lists what the approver may sign, never their own requests, with filters", async () => {
    const { r } = await highValueShippedRequest();
    const forManager = await listPendingApprovals(f.db, await f.as("manager@demo.test"), { limit: 100 });
    const mine = forManager.filter((t) => t.requestId === r.id);
    expect(mine.map((t) => t.level)).toEqual(["MANAGER"]);
    expect(mine[0]).toMatchObject({ ruleName: "High-value orders", orderTotal: 101_000 });
    const forDirector = (await listPendingApprovals(f.db, await f.as("director@demo.test"), { limit: 100 })).filter((t) => t.requestId === r.id);
    expect(forDirector.map((t) => t.level).sort()).toEqual(["DIRECTOR", "MANAGER"]);
    const onlyDirector = await listPendingApprovals(f.db, await f.as("director@demo.test"), { limit: 100, level: "DIRECTOR" });
    expect(onlyDirector.every((t) => t.level === "DIRECTOR")).toBe(true);
    const rich = await listPendingApprovals(f.db, await f.as("director@demo.test"), { limit: 100, minOrderValue: 101_001 });
    expect(rich.some((t) => t.requestId === r.id)).toBe(false);
    expect((await listPendingApprovals(f.db, await f.as("supervisor@demo.test"), { limit: 100 })).some((t) => t.requestId === r.id)).toBe(false);
  });

  it("rules: OPS creates, edits, deactivates and reorders; bad criteria change nothing; every change is audited", async () => {
    const ops = await f.as("ops@demo.test");
    const count = await f.db.approvalRule.count();
    const changes = await f.db.approvalRuleChange.count();
    const bad = [
      { name: "x", type: "ORDER_VALUE_THRESHOLD", level: "MANAGER", criteria: { minUnits: 3 } },
      { name: "x", type: "ORDER_VALUE_THRESHOLD", level: "MANAGER", criteria: { minOrderValue: -100 } },
      { name: "x", type: "QUANTITY_THRESHOLD", level: "MANAGER", criteria: { minUnits: "ten" } },
      { name: "x", type: "FULFILLMENT_STAGE", level: "MANAGER", criteria: { stages: ["LOST"] } },
      { name: "x", type: "CUSTOMER_TYPE", level: "CEO", criteria: { customerTypes: ["VIP"] } },
    ];
    for (const input of bad) {
      const e = await createApprovalRule(f.db, ops, input).catch((x) => x);
      expect(e.code, JSON.stringify(input)).toBe("VALIDATION_FAILED");
      expect(e.details.errors.length).toBeGreaterThan(0);
    }
    expect(await outcome(async () => createApprovalRule(f.db, await f.as("manager@demo.test"), { name: "x", type: "QUANTITY_THRESHOLD", level: "MANAGER", criteria: { minUnits: 1 } }))).toBe("FORBIDDEN");
    expect(await f.db.approvalRule.count()).toBe(count);
    expect(await f.db.approvalRuleChange.count()).toBe(changes);

    const rule = await createApprovalRule(f.db, ops, { name: "Nobody's customers", type: "CUSTOMER_TYPE", level: "VP", criteria: { customerTypes: ["NOBODY"] } });
    expect(rule.priority).toBeGreaterThan(0);
    const edited = await updateApprovalRule(f.db, ops, rule.id, { name: "Nobody's customers", type: "CUSTOMER_TYPE", level: "DIRECTOR", criteria: { customerTypes: ["NOBODY", "NO_ONE"] } }, { expectedVersion: rule.version });
    expect(edited).toMatchObject({ level: "DIRECTOR", version: rule.version + 1 });
    expect(await outcome(() => updateApprovalRule(f.db, ops, rule.id, { name: "stale", type: "CUSTOMER_TYPE", level: "VP", criteria: { customerTypes: ["X"] } }, { expectedVersion: rule.version }))).toBe("VERSION_MISMATCH");
    expect(await outcome(() => updateApprovalRule(f.db, ops, rule.id, { name: "bad", type: "CUSTOMER_TYPE", level: "VP", criteria: { customerTypes: [] } }))).toBe("VALIDATION_FAILED");
    const off = await setApprovalRuleActive(f.db, ops, rule.id, false);
    expect(off.active).toBe(false);
    const before = (await listApprovalRules(f.db, ops)).filter((x) => x.active || x.id === rule.id);
    const moved = await moveApprovalRule(f.db, ops, rule.id, "UP");
    expect(moved.find((x) => x.id === rule.id)!.priority).toBeLessThan(before.find((x) => x.id === rule.id)!.priority);
    const audit = await listApprovalRuleChanges(f.db, ops, rule.id);
    expect(audit.map((a) => a.action).reverse()).toEqual(["CREATED", "UPDATED", "DEACTIVATED", "REORDERED"]);
    const update = audit.find((a) => a.action === "UPDATED")!;
    expect(update.before).toMatchObject({ level: "VP", criteria: { customerTypes: ["NOBODY"] } });
    expect(update.after).toMatchObject({ level: "DIRECTOR", criteria: { customerTypes: ["NOBODY", "NO_ONE"] } });
    expect(update.actor).toBe("ops@demo.test");
  });

  it("expiry escalates one level at a time to VP, then the rule's final behaviour ends the request", async () => {
    const ops = await f.as("ops@demo.test");
    await createApprovalRule(f.db, ops, {
      name: "Escalating test customers",
      type: "CUSTOMER_TYPE",
      level: "SUPERVISOR",
      criteria: { customerTypes: ["ESCALATE_TEST"] },
      onExpiry: "ESCALATE",
      onFinalExpiry: "EXPIRE",
      expiresAfterMinutes: 60,
    });
    const order = await f.order({ quantity: 2, customerType: "ESCALATE_TEST" });
    const t0 = new Date(Date.now() + 1000);
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel([{ orderLineId: order.lines[0]!.id, quantity: 1 }]), { now: t0 });
    expect((await tasksOf(r.id)).map((t) => [t.level, t.status])).toEqual([["SUPERVISOR", "PENDING"]]);

    // Nothing is due before the deadline.
    expect(await expireApprovalTasks(f.db, { now: new Date(t0.getTime() + 59 * MINUTE) })).toMatchObject({ escalated: 0 });
    // Past it, the task can no longer be signed, even before the job ran.
    const [first] = await tasksOf(r.id);
    expect(await outcome(async () => decideApprovalTask(f.db, await f.as("supervisor@demo.test"), first!.id, { decision: "APPROVE" }, { now: new Date(t0.getTime() + 61 * MINUTE) }))).toBe("CONFLICT");

    let now = t0.getTime();
    for (const level of ["MANAGER", "DIRECTOR", "VP"]) {
      now += 61 * MINUTE;
      const counts = await expireApprovalTasks(f.db, { now: new Date(now) });
      expect(counts.escalated).toBeGreaterThanOrEqual(1);
      const tasks = await tasksOf(r.id);
      const pending = tasks.filter((t) => t.status === "PENDING");
      expect(pending.map((t) => t.level)).toEqual([level]);
      expect(pending[0]!.escalatedFromId).toBe(tasks.find((t) => t.status === "EXPIRED" && t.id === pending[0]!.escalatedFromId)!.id);
      expect(await statusOf(r.id)).toBe("PENDING_APPROVAL");
    }
    // A second run at the same instant does nothing more.
    expect(await expireApprovalTasks(f.db, { now: new Date(now) })).toMatchObject({ escalated: 0, expired: 0, autoApproved: 0 });
    now += 61 * MINUTE;
    expect(await expireApprovalTasks(f.db, { now: new Date(now) })).toMatchObject({ expired: 1 });
    expect(await statusOf(r.id)).toBe("EXPIRED");
    expect(await holdsOf(r.id)).toEqual([false]);
    expect((await tasksOf(r.id)).map((t) => t.status)).toEqual(["EXPIRED", "EXPIRED", "EXPIRED", "EXPIRED"]);
    const history = (await f.db.orderHistory.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } })).map((h) => h.action);
    expect(history.filter((a) => a === "APPROVAL_ESCALATED")).toHaveLength(3);
    expect(history).toContain("CANCELLATION_EXPIRED");
    const events = (await f.db.outboxEvent.findMany({ where: { orderId: order.id } })).map((e) => e.type);
    expect(events.filter((t) => t === "ApprovalTaskEscalated")).toHaveLength(3);
    expect(events).toContain("OrderCancellationExpired");
  });

  it("an auto-approving rule approves on expiry and the request executes", async () => {
    const ops = await f.as("ops@demo.test");
    await createApprovalRule(f.db, ops, {
      name: "Auto test customers",
      type: "CUSTOMER_TYPE",
      level: "DIRECTOR",
      criteria: { customerTypes: ["AUTO_TEST"] },
      onExpiry: "AUTO_APPROVE",
      expiresAfterMinutes: 30,
    });
    const order = await f.order({ quantity: 2, customerType: "AUTO_TEST" });
    const t0 = new Date(Date.now() + 1000);
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel([{ orderLineId: order.lines[0]!.id, quantity: 1 }]), { now: t0 });
    expect(r.status).toBe("PENDING_APPROVAL");
    expect(await expireApprovalTasks(f.db, { now: new Date(t0.getTime() + 31 * MINUTE) })).toMatchObject({ autoApproved: 1 });
    expect(await statusOf(r.id)).toBe("COMPLETED");
    const [task] = await tasksOf(r.id);
    expect(task).toMatchObject({ status: "APPROVED", reviewerId: "system" });
    const events = (await f.db.outboxEvent.findMany({ where: { orderId: order.id } })).map((e) => e.type);
    expect(events).toContain("ApprovalTaskAutoApproved");
    await f.assertConsistent();
  });

  it("the job runner's periodic expiry job escalates an expired task one level up", async () => {
    await createApprovalRule(f.db, await f.as("ops@demo.test"), {
      name: "Runner test customers",
      type: "CUSTOMER_TYPE",
      level: "SUPERVISOR",
      criteria: { customerTypes: ["RUNNER_TEST"] },
      onExpiry: "ESCALATE",
      expiresAfterMinutes: 10,
    });
    const order = await f.order({ quantity: 2, customerType: "RUNNER_TEST" });
    const t0 = new Date(Date.now() + 1000);
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel([{ orderLineId: order.lines[0]!.id, quantity: 1 }]), { now: t0 });
    const runAt = async (at: Date) => {
      await schedulePeriodicJobs(f.db, at);
      const keys = (await f.db.job.findMany({ where: { type: "approvals.expire", status: "READY" } })).map((j) => j.key);
      return drainJobs(f.db, { owner: "test-runner", now: () => at, handlers: JOB_HANDLERS, keys });
    };
    await runAt(new Date(t0.getTime() + 5 * MINUTE));
    expect((await tasksOf(r.id)).map((t) => [t.level, t.status])).toEqual([["SUPERVISOR", "PENDING"]]);
    const pass = await runAt(new Date(t0.getTime() + 11 * MINUTE));
    expect(pass.outcomes.SUCCEEDED).toBe(1);
    const tasks = await tasksOf(r.id);
    expect(tasks.map((t) => [t.level, t.status])).toEqual([
      ["SUPERVISOR", "EXPIRED"],
      ["MANAGER", "PENDING"],
    ]);
    expect(tasks[1]!.escalatedFromId).toBe(tasks[0]!.id);
    expect(await statusOf(r.id)).toBe("PENDING_APPROVAL");
    const attempts = await f.db.jobAttempt.findMany({ where: { job: { type: "approvals.expire" } } });
    expect(attempts.filter((a) => a.outcome === "SUCCEEDED").length).toBeGreaterThanOrEqual(2);
  });

  it("request-level approval still signs every task the approver may sign", async () => {
    const { order, r } = await highValueShippedRequest();
    const done = await approveCancellationRequest(f.db, await f.as("director@demo.test"), order.id, r.id, {});
    expect(done.status).toBe("PARTIALLY_COMPLETED");
    expect(done.approvals.map((a) => a.status)).toEqual(["APPROVED", "APPROVED"]);
  });
});

describe.each(engines())("default approval rules while none is stored on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine, { approvalRules: false });
    await f.stock("SKU-MUG", "DC-EAST", 500);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const releasedRequest = async () => {
    const order = await f.order({ quantity: 2 });
    const line = order.lines[0]!.id;
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE"] as const) await recordFulfillmentEvent(f.db, seller, order.id, { type, lines: [{ orderLineId: line, quantity: 2 }] });
    return createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel([{ orderLineId: line, quantity: 1 }]));
  };

  it("with no rule ever stored the defaults apply; once OPS stored rules, only the stored ones do", async () => {
    const r = await releasedRequest();
    expect(r.approvals).toMatchObject([{ level: "SUPERVISOR", rule: "STAGE_RELEASED", ruleName: "Released units", status: "PENDING" }]);
    const [task] = await f.db.approvalTask.findMany({ where: { subjectId: r.id } });
    expect(task!.ruleSnapshot).toMatchObject({ name: "Released units", type: "FULFILLMENT_STAGE", criteria: { stages: ["RELEASED"] } });

    const ops = await f.as("ops@demo.test");
    const only = await createApprovalRule(f.db, ops, { name: "VIP only", type: "CUSTOMER_TYPE", level: "DIRECTOR", criteria: { customerTypes: ["VIP"] } });
    await setApprovalRuleActive(f.db, ops, only.id, false);
    const r2 = await releasedRequest();
    expect(r2.status).toBe("EXECUTING"); // executed at once; the recall from the warehouse is a manual step
    expect(r2.approvals).toEqual([]);
  });
});
