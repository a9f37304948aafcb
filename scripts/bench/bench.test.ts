import { describe, expect, it } from "vitest";
import { parseOptions, UsageError } from "./options.ts";
import { oneUnitRefund, ORDER_TOTAL, refundAfter, roundHalfUpDiv } from "./order-shape.ts";
import { chunks, OrderWalk } from "./phases.ts";
import { statementsIn, tally } from "./sql-count.ts";
import { toSqlite } from "./sql-driver.ts";
import { percentile, summarize } from "./stats.ts";
import type { BenchOrder } from "./workload.ts";

const NO_ENV = {} as NodeJS.ProcessEnv;

describe("money expectations (SPEC §4.5, computed without the app)", () => {
  it("rounds half up exactly", () => {
    expect([roundHalfUpDiv(5, 2), roundHalfUpDiv(4, 3), roundHalfUpDiv(5, 3), roundHalfUpDiv(0, 7)]).toEqual([3, 1, 2, 0]);
  });
  it("refunds 12.50 per unit of the bench line and the whole order for all 10", () => {
    expect(refundAfter(1)).toEqual({ merchandise: 1000, tax: 200, shipping: 50, total: 1250 });
    expect(refundAfter(10).total).toBe(ORDER_TOTAL);
    const steps = Array.from({ length: 10 }, (_, k) => oneUnitRefund(k).total);
    expect(steps.reduce((a, b) => a + b, 0)).toBe(ORDER_TOTAL);
  });
});

describe("statistics", () => {
  it("takes nearest-rank percentiles and counts successes only in ops/s", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile([], 50)]).toEqual([50, 95, 99, 0]);
    const stats = summarize([{ ms: 10, error: null }, { ms: 30, error: "409 CONFLICT" }, { ms: 20, error: null }], 1000);
    expect(stats).toMatchObject({ calls: 3, ok: 2, errors: 1, opsPerSec: 2, p50Ms: 20, maxMs: 30, errorMessages: { "409 CONFLICT": 1 } });
  });
});

describe("the order walk", () => {
  const order = (id: string): BenchOrder => ({ id, lineId: `${id}-l`, ok: 0, unknown: 0, inFlight: false, note: "" });
  it("goes round-robin, skips orders in flight and never takes the last unit", () => {
    const orders = [order("a"), order("b"), order("c")];
    const walk = new OrderWalk(orders);
    const a = walk.next();
    a.inFlight = true;
    expect([a.id, walk.next().id, walk.next().id, walk.next().id]).toEqual(["a", "b", "c", "b"]);
    for (const o of orders) o.ok = 9;
    a.inFlight = false;
    expect(() => walk.next()).toThrow(/raise --orders/);
  });
  it("splits items into one chunk per level", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2, 3], [4, 5]]);
  });
});

describe("SQL log counting", () => {
  const log = [
    "prisma:query SELECT `main`.`orders`.`id` FROM `main`.`orders` WHERE 1=1",
    "prisma:query ",
    '    UPDATE "inventory_supply"',
    '       SET "allocated" = "allocated" + ?',
    "prisma:query INSERT INTO `main`.`outbox_events` (`id`) VALUES (?), (?)",
    "some other server output",
    "prisma:query COMMIT",
    'prisma:query UPDATE "public"."orders" SET "version" = $1',
    "prisma:query COMMIT",
  ].join("\n");
  it("splits statements (multi-line ones too) and counts transactions by COMMIT", () => {
    const statements = statementsIn(log);
    expect(statements).toHaveLength(6);
    expect(statements[1]).toMatch(/^UPDATE "inventory_supply"\n\s+SET/);
    expect(statements[2]).not.toContain("some other");
    const count = tally(statements, 2, 0);
    expect(count).toMatchObject({ statements: 4, transactions: 2, byKeyword: { SELECT: 1, UPDATE: 2, INSERT: 1, COMMIT: 2 } });
    expect(count.writesByTable).toEqual({ inventory_supply: 1, outbox_events: 1, orders: 1 });
  });
});

describe("floor SQL for SQLite", () => {
  it("turns numbered parameters into positional ones and drops casts", () => {
    expect(toSqlite(`INSERT INTO "t" VALUES ($2::"Bucket", 'CARD'::"TenderMethod", '{}'::jsonb, $1, $2)`)).toEqual({
      sql: `INSERT INTO "t" VALUES (?, 'CARD', '{}', ?, ?)`,
      indices: [1, 0, 1],
    });
  });
});

describe("options", () => {
  it("defaults to the peer workload", () => {
    expect(parseOptions([], NO_ENV)).toMatchObject({ engines: ["sqlite"], orders: 200, calls: 400, warmup: 100, concurrency: [1, 8], racers: 25, racerTrials: 3 });
  });
  it("refuses a workload that would cancel an order fully, and PostgreSQL without a server", () => {
    expect(() => parseOptions(["--orders", "50"], NO_ENV)).toThrow(UsageError);
    expect(() => parseOptions(["--engines", "postgresql"], NO_ENV)).toThrow(/needs a server/);
    expect(parseOptions(["--orders=40", "--calls", "80", "--warmup", "20", "--pg-url", "postgresql://x@h/db"], NO_ENV)).toMatchObject({
      engines: ["sqlite", "postgresql"],
      orders: 40,
    });
  });
});
