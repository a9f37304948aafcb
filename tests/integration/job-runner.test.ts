import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/platform/db/client.ts";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { closeWaitingJob, enqueueJob, PermanentFailure, rearmJob } from "../../lib/platform/jobs/queue.ts";
import { claimJobs, drainJobs, runClaimedJob, runDueJobs, type JobHandlers } from "../../lib/platform/jobs/runner.ts";
import { schedulePeriodicJobs } from "../../lib/platform/jobs/periodic.ts";
import { JOB_HANDLERS, PERIODIC_JOBS } from "../../lib/wiring.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { failNextRefunds } from "../../lib/modules/payments/server/built-in-gateway.ts";

const clockAt = (t: Date) => () => t;
const later = (t: Date, ms: number) => new Date(t.getTime() + ms);

describe.each(engines())("job runner on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 500);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("two runner instances on one database process the same 200 jobs with none run twice", async () => {
    const runs = new Map<string, number>();
    const handlers: JobHandlers = {
      "test.count": {
        async run(_ctx, job) {
          runs.set(job.key, (runs.get(job.key) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, Math.random() * 3));
          return { ok: true };
        },
      },
    };
    for (let i = 0; i < 200; i++) await enqueueJob(f.db, { type: "test.count", key: `count:${i}` });
    // On PostgreSQL two separate clients = two app instances sharing the database. SQLite is the
    // single-process embedded default (one connection per process), so there the two runners
    // share the process's client and interleave on it.
    const separate = engine === "postgresql";
    const a: Db = separate ? createDb(f.url) : f.db;
    const b: Db = separate ? createDb(f.url) : f.db;
    try {
      const [ra, rb] = await Promise.all([
        drainJobs(a, { owner: "instance-a", handlers, batch: 5 }),
        drainJobs(b, { owner: "instance-b", handlers, batch: 5 }),
      ]);
      expect(ra.claimed + rb.claimed).toBe(200);
      expect(ra.outcomes.SUCCEEDED + rb.outcomes.SUCCEEDED).toBe(200);
      expect(ra.claimed).toBeGreaterThan(0);
      expect(rb.claimed).toBeGreaterThan(0);
    } finally {
      if (separate) await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    expect(runs.size).toBe(200);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(await f.db.job.count({ where: { type: "test.count", status: "DONE" } })).toBe(200);
    expect(await f.db.jobAttempt.count({ where: { job: { type: "test.count" } } })).toBe(200);
    expect(await f.db.jobAttempt.count({ where: { job: { type: "test.count" }, outcome: "SUCCEEDED" } })).toBe(200);
  }, 120_000);

  it("a job whose runner died is run again after its lease expires, and the dead runner cannot overwrite the result", async () => {
    let runs = 0;
    const handlers: JobHandlers = { "test.lease": { run: async () => ({ run: ++runs }) } };
    const t0 = new Date("2030-01-01T00:00:00Z");
    await enqueueJob(f.db, { type: "test.lease", key: "lease:1", runAt: t0 });
    const [claimed] = await claimJobs(f.db, { owner: "crashing", now: clockAt(t0), leaseMs: 60_000, keys: ["lease:1"] });
    expect(claimed).toMatchObject({ attempts: 1 });
    // "crashing" dies here. Within the lease nobody else may take the job …
    expect((await runDueJobs(f.db, { owner: "survivor", now: clockAt(later(t0, 59_000)), handlers, keys: ["lease:1"] })).claimed).toBe(0);
    // … after it, the survivor does, and completes it.
    const pass = await runDueJobs(f.db, { owner: "survivor", now: clockAt(later(t0, 61_000)), handlers, keys: ["lease:1"] });
    expect(pass).toMatchObject({ claimed: 1, outcomes: { SUCCEEDED: 1 } });
    expect(runs).toBe(1);
    // The crashed runner comes back and finishes its (stale) claim: its result is discarded.
    expect(await runClaimedJob(f.db, claimed!, { owner: "crashing", handlers, now: clockAt(later(t0, 62_000)) })).toBe("LEASE_LOST");
    const job = await f.db.job.findUniqueOrThrow({ where: { key: "lease:1" }, include: { attemptLog: { orderBy: { attempt: "asc" } } } });
    expect(job).toMatchObject({ status: "DONE", attempts: 2, result: { run: 1 } });
    expect(job.attemptLog.map((a) => [a.attempt, a.owner, a.outcome])).toEqual([
      [1, "crashing", "LEASE_EXPIRED"],
      [2, "survivor", "SUCCEEDED"],
    ]);
  });

  it("retries with exponential backoff up to the maximum, records every attempt, then gives up once", async () => {
    const exhausted: string[] = [];
    const handlers: JobHandlers = {
      "test.flaky": {
        run: async (ctx) => {
          throw new Error(`boom ${ctx.attempt}`);
        },
        onExhausted: async (_ctx, job, error) => {
          exhausted.push(`${job.key}: ${error}`);
        },
      },
      "test.permanent": {
        run: async () => {
          throw new PermanentFailure("cannot ever work");
        },
        onExhausted: async (_ctx, job) => {
          exhausted.push(job.key);
        },
      },
    };
    const t0 = new Date("2030-02-01T00:00:00Z");
    await enqueueJob(f.db, { type: "test.flaky", key: "flaky:1", runAt: t0, maxAttempts: 3 });
    const run = (at: Date) => runDueJobs(f.db, { owner: "r", now: clockAt(at), handlers, keys: ["flaky:1"] });
    expect((await run(t0)).outcomes.RETRY).toBe(1);
    let job = await f.db.job.findUniqueOrThrow({ where: { key: "flaky:1" } });
    expect(job).toMatchObject({ status: "READY", attempts: 1, lastError: "boom 1" });
    expect(job.runAt.getTime() - t0.getTime()).toBe(2_000);
    expect((await run(later(t0, 1_999))).claimed).toBe(0); // not before the backoff
    expect((await run(later(t0, 2_000))).outcomes.RETRY).toBe(1);
    job = await f.db.job.findUniqueOrThrow({ where: { key: "flaky:1" } });
    expect(job.runAt.getTime() - t0.getTime()).toBe(2_000 + 4_000); // doubled
    expect((await run(later(t0, 6_000))).outcomes.FAILED).toBe(1);
    expect((await run(later(t0, 3_600_000))).claimed).toBe(0);
    const final = await f.db.job.findUniqueOrThrow({ where: { key: "flaky:1" }, include: { attemptLog: { orderBy: { attempt: "asc" } } } });
    expect(final).toMatchObject({ status: "FAILED", attempts: 3, lastError: "boom 3" });
    expect(final.attemptLog.map((a) => [a.outcome, a.error])).toEqual([
      ["RETRY", "boom 1"],
      ["RETRY", "boom 2"],
      ["FAILED", "boom 3"],
    ]);
    expect(final.attemptLog.every((a) => a.finishedAt && a.startedAt)).toBe(true);
    await enqueueJob(f.db, { type: "test.permanent", key: "permanent:1", runAt: t0 });
    expect((await runDueJobs(f.db, { owner: "r", now: clockAt(t0), handlers, keys: ["permanent:1"] })).outcomes.FAILED).toBe(1);
    expect(exhausted).toEqual(["flaky:1: boom 3", "permanent:1"]);
  });

  it("enqueueing the same key twice is one job; periodic work is one job per period however often it is scheduled", async () => {
    const first = await enqueueJob(f.db, { type: "test.once", key: "once:1" });
    expect(await enqueueJob(f.db, { type: "test.once", key: "once:1" })).toBe(first);
    expect(await f.db.job.count({ where: { key: "once:1" } })).toBe(1);
    const t = new Date("2030-03-01T00:01:00Z");
    await schedulePeriodicJobs(f.db, t);
    await schedulePeriodicJobs(f.db, later(t, 1_000));
    for (const p of PERIODIC_JOBS) expect(await f.db.job.count({ where: { type: p.type } })).toBe(1);
    const done = await drainJobs(f.db, { owner: "r", now: clockAt(later(t, 1_000)), handlers: JOB_HANDLERS, keys: (await f.db.job.findMany({ where: { type: { in: PERIODIC_JOBS.map((p) => p.type) } } })).map((j) => j.key) });
    expect(done.outcomes.SUCCEEDED).toBe(PERIODIC_JOBS.length);
    const reconciliation = await f.db.job.findFirstOrThrow({ where: { type: "reconciliation.run" } });
    expect((reconciliation.result as { findings: unknown[] }).findings).toEqual([]);
  });

  it("a failed job is rearmed with a fresh round of attempts, a running one is left alone, and only a waiting job is closed by hand", async () => {
    const t0 = new Date("2030-04-01T00:00:00Z");
    const handlers: JobHandlers = {
      "test.rearm": {
        run: async () => {
          throw new PermanentFailure("processor down");
        },
      },
    };
    await enqueueJob(f.db, { type: "test.rearm", key: "rearm:1", runAt: t0, maxAttempts: 2 });
    expect((await runDueJobs(f.db, { owner: "r", now: clockAt(t0), handlers, keys: ["rearm:1"] })).outcomes.FAILED).toBe(1);
    expect(await rearmJob(f.db, "rearm:1", { runAt: later(t0, 10_000), extraAttempts: 3 })).toBe("REARMED");
    expect(await f.db.job.findUniqueOrThrow({ where: { key: "rearm:1" } })).toMatchObject({ status: "READY", attempts: 1, maxAttempts: 4, completedAt: null, runAt: later(t0, 10_000) });
    // A runner holds it: neither a rearm nor a close touches it.
    const [claimed] = await claimJobs(f.db, { owner: "busy", now: clockAt(later(t0, 10_000)), keys: ["rearm:1"] });
    expect(claimed).toMatchObject({ attempts: 2 });
    expect(await rearmJob(f.db, "rearm:1", { runAt: t0, extraAttempts: 3 })).toBe("RUNNING");
    expect(await closeWaitingJob(f.db, "rearm:1", "DONE", "resolved by hand", later(t0, 11_000))).toBe(false);
    expect(await f.db.job.findUniqueOrThrow({ where: { key: "rearm:1" } })).toMatchObject({ status: "RUNNING", leaseOwner: "busy", attempts: 2, maxAttempts: 4 });
    expect(await rearmJob(f.db, "rearm:none", { runAt: t0, extraAttempts: 3 })).toBe("MISSING");
    // A waiting job is closed and never runs.
    await enqueueJob(f.db, { type: "test.rearm", key: "rearm:2", runAt: later(t0, 60_000) });
    expect(await closeWaitingJob(f.db, "rearm:2", "FAILED", "abandoned: not needed", later(t0, 1_000))).toBe(true);
    expect(await f.db.job.findUniqueOrThrow({ where: { key: "rearm:2" } })).toMatchObject({ status: "FAILED", lastError: "abandoned: not needed", completedAt: later(t0, 1_000), attempts: 0 });
    expect((await runDueJobs(f.db, { owner: "r", now: clockAt(later(t0, 120_000)), handlers, keys: ["rearm:2"] })).claimed).toBe(0);
  });

  it("a refund job whose runner was killed mid-task is completed exactly once by another runner", async () => {
    const order = await f.order({ quantity: 2 });
    // The inline attempt times out: the gateway made the refund but the answer was lost.
    await failNextRefunds(f.db, order.id, "TIMEOUT", 1);
    const buyer = await f.as("buyer@demo.test");
    const r = await createCancellationRequest(
      f.db,
      buyer,
      order.id,
      CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }] } }),
    );
    expect(r.status).toBe("EXECUTING");
    const task = await f.db.compensationTask.findFirstOrThrow({ where: { causeType: "CancellationRequest", causeId: r.id, type: "ISSUE_REFUND" } });
    const key = `compensation:${task.id}`;
    const t0 = new Date(Date.now() + 60_000); // past the first backoff
    const [claimed] = await claimJobs(f.db, { owner: "killed", now: clockAt(t0), leaseMs: 30_000, keys: [key] });
    expect(claimed).toBeDefined();
    // killed mid-task; another instance takes over after the lease
    const pass = await runDueJobs(f.db, { owner: "other", now: clockAt(later(t0, 31_000)), handlers: JOB_HANDLERS, keys: [key] });
    expect(pass.outcomes.SUCCEEDED).toBe(1);
    expect(await runClaimedJob(f.db, claimed!, { owner: "killed", handlers: JOB_HANDLERS, now: clockAt(later(t0, 32_000)) })).toBe("LEASE_LOST");
    const request = await f.db.cancellationRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(request).toMatchObject({ status: "COMPLETED", refundedTotal: 2200 });
    expect(await f.db.gatewayRefund.count({ where: { orderId: order.id } })).toBe(1);
    expect((await f.db.order.findUniqueOrThrow({ where: { id: order.id } })).refunded).toBe(2200);
    expect(await f.db.orderHistory.count({ where: { orderId: order.id, action: "REFUND_PROCESSED" } })).toBe(1);
    await f.assertConsistent();
  });
});
