// OPS runs the periodic reconciliation now: the run is a job of the periodic type, its findings are
// stored on the job and returned; who may not read reconciliation cannot run it and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import "../../lib/wiring.ts";
import { runReconciliationNow } from "../../lib/modules/checks/server/run-reconciliation.ts";

describe.each(engines())("run reconciliation now on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("runs the check as a job, stores its findings and reports them", async () => {
    const order = await f.order({ quantity: 2 });
    const now = new Date();
    const clean = await runReconciliationNow(f.db, await f.as("ops@demo.test"), { now });
    expect(clean).toMatchObject({ done: true, findings: 0, error: null });

    // Damage written straight into the database: more refunded than paid.
    await f.db.order.update({ where: { id: order.id }, data: { refunded: 999_999 } });
    const later = new Date(now.getTime() + 1000);
    const dirty = await runReconciliationNow(f.db, await f.as("ops@demo.test"), { now: later });
    expect(dirty.done).toBe(true);
    expect(dirty.findings).toBeGreaterThan(0);
    const jobs = await f.db.job.findMany({ where: { type: "reconciliation.run" }, orderBy: { createdAt: "asc" } });
    expect(jobs.map((j) => j.status)).toEqual(["DONE", "DONE"]);
    expect((jobs[1]!.result as { findings: { objectId: string }[] }).findings.map((x) => x.objectId)).toContain(order.id);
  });

  it("refuses a buyer and stores nothing", async () => {
    const before = await f.db.job.count({ where: { type: "reconciliation.run" } });
    await expect(runReconciliationNow(f.db, await f.as("buyer@demo.test"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await f.db.job.count({ where: { type: "reconciliation.run" } })).toBe(before);
  });
});
