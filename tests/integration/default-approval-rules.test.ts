// The default approval rules (SPEC §5 + §4.2): no auto-approval conditions, stored once by a fresh
// install (also with DEMO_MODE=false, also when several instances start at once), and the same
// behaviour whether they were stored or not.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { createTestDatabase, engines, type Engine } from "../support/test-db.ts";
import { createDb } from "../../lib/platform/db/client.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { decideApprovalTask } from "../../lib/modules/approvals/server/decide.ts";
import { createApprovalRule, installDefaultApprovalRules, updateApprovalRule } from "../../lib/modules/approvals/server/rules.ts";
import { DEFAULT_APPROVAL_RULES } from "../../lib/modules/approvals/domain/default-rules.ts";
import { ruleFromRow } from "../../lib/modules/approvals/domain/rules.ts";
import { loadActor } from "../../lib/platform/auth/actor.ts";
import { loadDemoData } from "../../lib/modules/demo/server/load-demo-data.ts";
import { parseStoredAssessment } from "../../lib/modules/cancellations/contracts/assessment.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A buyer's own request (CUSTOMER_REQUEST) for `quantity` units of the order's only line. */
const ownRequest = (orderLineId: string, quantity: number) =>
  CreateCancellationRequest.parse({
    cancellationType: "CUSTOMER_REQUEST",
    reasonCode: "CUSTOMER_CHANGED_MIND",
    scope: { type: "LINES", lines: [{ orderLineId, quantity }] },
  });

const modes = engines().flatMap((engine) => [
  [engine, "stored"],
  [engine, "never stored"],
] as [Engine, "stored" | "never stored"][]);

describe.each(modes)("default approval rules through a buyer's cancellation on %s (%s)", (engine, mode) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine, { approvalRules: mode === "stored" });
    expect(await f.db.approvalRule.count()).toBe(mode === "stored" ? DEFAULT_APPROVAL_RULES.length : 0);
    await f.stock("SKU-MUG", "DC-EAST", 1000);
  });
  afterAll(async () => {
    await f?.drop();
  });

  /** `quantity` open mugs at `unitPrice` each, no tax or shipping: the order's value is quantity × unitPrice. */
  const order = (quantity: number, unitPrice: number) =>
    f.order({
      lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity, unitPrice, taxAmount: 0, shippingAmount: 0, discountAmount: 0, shipFromLocationCode: "DC-EAST" }],
      payments: [{ method: "CARD", amount: quantity * unitPrice }],
    });
  const tasksOf = async (requestId: string) =>
    (await f.db.approvalTask.findMany({ where: { subjectId: requestId }, orderBy: { rule: "asc" } })).map((t) => ({ id: t.id, level: t.level, status: t.status, rule: t.rule, ruleSnapshot: t.ruleSnapshot }));
  const lineOf = (id: string) => f.db.orderLine.findUniqueOrThrow({ where: { id } });
  const requestOf = (id: string) => f.db.cancellationRequest.findUniqueOrThrow({ where: { id } });
  const buyerCancels = async (o: Awaited<ReturnType<typeof order>>, quantity: number) =>
    createCancellationRequest(f.db, await f.as("buyer@demo.test"), o.id, ownRequest(o.lines[0]!.id, quantity));

  it("order value 500.00 → a MANAGER task and nothing cancelled; 499.99 → no task, cancelled at once", async () => {
    const at = await order(1, 50_000);
    const r = await buyerCancels(at, 1);
    expect(r.status).toBe("PENDING_APPROVAL");
    expect(await tasksOf(r.id)).toMatchObject([
      { level: "MANAGER", status: "PENDING", rule: "DEFAULT_ORDER_VALUE", ruleSnapshot: { id: "DEFAULT_ORDER_VALUE", name: "High-value orders", autoApprove: null } },
    ]);
    expect(await lineOf(at.lines[0]!.id)).toMatchObject({ qtyOpen: 1, qtyCancelled: 0, refunded: 0 });
    const row = await requestOf(r.id);
    expect(parseStoredAssessment(row.assessment, row).autoApproved).toEqual([]);

    const below = await order(1, 49_999);
    const r2 = await buyerCancels(below, 1);
    expect(r2.status).toBe("COMPLETED");
    expect(await tasksOf(r2.id)).toEqual([]);
    expect(await lineOf(below.lines[0]!.id)).toMatchObject({ qtyOpen: 0, qtyCancelled: 1, refunded: 49_999 });
  });

  it("10 units → a SUPERVISOR task and nothing cancelled; 9 units → no task, cancelled at once", async () => {
    const ten = await order(10, 1_000);
    const r = await buyerCancels(ten, 10);
    expect(r.status).toBe("PENDING_APPROVAL");
    expect(await tasksOf(r.id)).toMatchObject([{ level: "SUPERVISOR", status: "PENDING", rule: "DEFAULT_QUANTITY", ruleSnapshot: { name: "Bulk cancellations", autoApprove: null } }]);
    expect(await lineOf(ten.lines[0]!.id)).toMatchObject({ qtyOpen: 10, qtyCancelled: 0 });

    const nine = await order(9, 1_000);
    const r2 = await buyerCancels(nine, 9);
    expect(r2.status).toBe("COMPLETED");
    expect(await tasksOf(r2.id)).toEqual([]);
    expect(await lineOf(nine.lines[0]!.id)).toMatchObject({ qtyOpen: 0, qtyCancelled: 9, refunded: 9_000 });
  });

  it("both → two tasks; the supervisor's approval leaves the MANAGER task pending and nothing cancelled; the manager's completes it", async () => {
    const both = await order(10, 5_000); // 500.00 and 10 units
    const r = await buyerCancels(both, 10);
    expect(r.status).toBe("PENDING_APPROVAL");
    const tasks = await tasksOf(r.id);
    expect(tasks.map((t) => [t.level, t.status, t.rule])).toEqual([
      ["MANAGER", "PENDING", "DEFAULT_ORDER_VALUE"],
      ["SUPERVISOR", "PENDING", "DEFAULT_QUANTITY"],
    ]);
    const supervisorTask = tasks.find((t) => t.level === "SUPERVISOR")!;
    const managerTask = tasks.find((t) => t.level === "MANAGER")!;

    const first = await decideApprovalTask(f.db, await f.as("supervisor@demo.test"), supervisorTask.id, { decision: "APPROVE" });
    expect(first).toMatchObject({ status: "APPROVED", remaining: 1, subjectStatus: "PENDING_APPROVAL" });
    expect((await requestOf(r.id)).status).toBe("PENDING_APPROVAL");
    expect((await tasksOf(r.id)).map((t) => [t.level, t.status])).toEqual([
      ["MANAGER", "PENDING"],
      ["SUPERVISOR", "APPROVED"],
    ]);
    expect(await lineOf(both.lines[0]!.id)).toMatchObject({ qtyOpen: 10, qtyCancelled: 0, refunded: 0 });
    expect(await f.db.financialAdjustment.count({ where: { orderId: both.id } })).toBe(0);
    expect(await f.db.quantityLedgerEntry.count({ where: { orderLineId: both.lines[0]!.id, toBucket: "CANCELLED" } })).toBe(0);
    expect((await f.db.orderLineHold.findMany({ where: { holderType: "CancellationRequest", holderId: r.id } })).map((h) => h.active)).toEqual([true]);

    const second = await decideApprovalTask(f.db, await f.as("manager@demo.test"), managerTask.id, { decision: "APPROVE" });
    expect(second).toMatchObject({ remaining: 0, subjectStatus: "COMPLETED" });
    expect(await lineOf(both.lines[0]!.id)).toMatchObject({ qtyOpen: 0, qtyCancelled: 10, refunded: 50_000 });
    await f.assertConsistent();
  });
});

/** Runs scripts/prepare-db.ts as `npm start` does before the app starts. */
function prepareDb(databaseUrl: string, demoMode: boolean): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), ["scripts/prepare-db.ts"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_MODE: String(demoMode), NEXTAUTH_SECRET: "test-secret-0123456789abcdef" },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.each(engines())("installing the default approval rules on %s", (engine) => {
  const stored = async (db: ReturnType<typeof createDb>) =>
    (await db.approvalRule.findMany({ orderBy: { priority: "asc" } })).map((row) => ruleFromRow(row));

  it("a fresh install with DEMO_MODE=false stores the full defaults once, even when three instances start at once", async () => {
    const t = await createTestDatabase(engine, { migrate: false });
    try {
      const runs = await Promise.all([prepareDb(t.url, false), prepareDb(t.url, false), prepareDb(t.url, false)]);
      for (const run of runs) expect(run.code, run.output).toBe(0);
      expect(runs.filter((run) => run.output.includes(`stored ${DEFAULT_APPROVAL_RULES.length} default approval rules`))).toHaveLength(1);
      expect(await stored(t.db)).toEqual(DEFAULT_APPROVAL_RULES);
      const changes = await t.db.approvalRuleChange.findMany();
      expect(changes.map((c) => [c.ruleId, c.action, c.actorId]).sort()).toEqual(DEFAULT_APPROVAL_RULES.map((r) => [r.id, "CREATED", "system"]).sort());
      expect(await t.db.user.count()).toBe(0); // no demo data

      // Starting again stores nothing more.
      const again = await prepareDb(t.url, false);
      expect(again.code, again.output).toBe(0);
      expect(again.output).not.toContain("default approval rules");
      expect(await t.db.approvalRule.count()).toBe(DEFAULT_APPROVAL_RULES.length);
      expect(await t.db.approvalRuleChange.count()).toBe(DEFAULT_APPROVAL_RULES.length);
    } finally {
      await t.drop();
    }
  });

  it("concurrent installers on separate connections store each rule once; the demo data stores the same set", async () => {
    const t = await createTestDatabase(engine);
    const clients = [createDb(t.url), createDb(t.url), createDb(t.url), createDb(t.url)];
    try {
      const counts = await Promise.all(clients.map((db) => installDefaultApprovalRules(db)));
      expect(counts.sort()).toEqual([0, 0, 0, DEFAULT_APPROVAL_RULES.length]);
      expect(await stored(t.db)).toEqual(DEFAULT_APPROVAL_RULES);
      expect(await t.db.approvalRuleChange.count()).toBe(DEFAULT_APPROVAL_RULES.length);
      await loadDemoData(t.db);
      expect(await t.db.approvalRule.count()).toBe(DEFAULT_APPROVAL_RULES.length);
    } finally {
      await Promise.all(clients.map((db) => db.$disconnect()));
      await t.drop();
    }
  });

  it("once any rule is stored, installing changes nothing: OPS's rules and edits stay", async () => {
    const t = await createTestDatabase(engine);
    try {
      await loadDemoData(t.db, () => {}, { approvalRules: false });
      const ops = (await loadActor(t.db, { email: "ops@demo.test" }, { via: "web", correlationId: "test" }))!;
      const only = await createApprovalRule(t.db, ops, { name: "VIP only", type: "CUSTOMER_TYPE", level: "DIRECTOR", criteria: { customerTypes: ["VIP"] } });
      expect(await installDefaultApprovalRules(t.db)).toBe(0);
      expect((await t.db.approvalRule.findMany()).map((r) => r.id)).toEqual([only.id]);

      // A stored default that OPS edited (here: an auto-approval added) is left as OPS made it.
      const t2 = await createTestDatabase(engine);
      try {
        await loadDemoData(t2.db);
        const ops2 = (await loadActor(t2.db, { email: "ops@demo.test" }, { via: "web", correlationId: "test" }))!;
        const { id, priority, ...bulk } = DEFAULT_APPROVAL_RULES.find((r) => r.id === "DEFAULT_QUANTITY")!;
        await updateApprovalRule(t2.db, ops2, id, { ...bulk, autoApprove: { requestTypes: ["CUSTOMER_REQUEST"] } });
        expect(await installDefaultApprovalRules(t2.db)).toBe(0);
        const row = await t2.db.approvalRule.findUniqueOrThrow({ where: { id } });
        expect(ruleFromRow(row)).toMatchObject({ priority, autoApprove: { requestTypes: ["CUSTOMER_REQUEST"] } });
        expect(row.version).toBe(2);
      } finally {
        await t2.drop();
      }
    } finally {
      await t.drop();
    }
  });
});
