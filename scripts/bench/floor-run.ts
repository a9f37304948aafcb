// The driver floor for one engine: a freshly migrated database, the same N allocated orders, the
// same warm-up, and per concurrency level the same number of one-unit cancels walking the orders
// round-robin on distinct orders (scripts/bench/floor-workload.ts writes each).
import { performance } from "node:perf_hooks";
import { migrate } from "../../lib/platform/db/migrate.ts";
import { errorText } from "./api.ts";
import { cleanups } from "./cleanup.ts";
import { floorCancel, floorOrder, seedReferenceData, type FloorOrder } from "./floor-workload.ts";
import type { BenchOptions, Engine } from "./options.ts";
import { OrderWalk } from "./phases.ts";
import type { Phase } from "./report.ts";
import { createDatabase, log, MIGRATIONS } from "./setup.ts";
import { PostgresDriver, SqliteDriver, type SqlDriver } from "./sql-driver.ts";
import { summarize, type Sample, type Stats } from "./stats.ts";

async function floorPhase(driver: SqlDriver, walk: OrderWalk, calls: number, concurrency: number): Promise<Stats> {
  const samples: Sample[] = [];
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < calls && !cleanups.signal.aborted) {
      const order = walk.next() as FloorOrder;
      issued++;
      order.inFlight = true;
      const t0 = performance.now();
      try {
        await floorCancel(driver, order);
        order.ok++;
        samples.push({ ms: performance.now() - t0, error: null });
      } catch (e) {
        samples.push({ ms: performance.now() - t0, error: errorText(e) });
      } finally {
        order.inFlight = false;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(samples, performance.now() - started);
}

/** SQLite: one connection (one writer: transactions take turns). PostgreSQL: a pool of c connections per level. */
export async function runFloor(engine: Engine, options: BenchOptions, pgServer: string | null): Promise<{ description: string; levels: Phase[]; version: string }> {
  const database = await createDatabase(engine, pgServer);
  try {
    await migrate(database.url, MIGRATIONS);
    const setupDriver: SqlDriver = engine === "sqlite" ? new SqliteDriver(database.url) : new PostgresDriver(database.url, 1);
    const closeSetup = cleanups.add("floor connection", () => setupDriver.close());
    try {
      await seedReferenceData(setupDriver, options.orders);
      const orders: FloorOrder[] = [];
      for (let i = 0; i < options.orders; i++) orders.push(await floorOrder(setupDriver, i));
      const walk = new OrderWalk(orders);
      await floorPhase(setupDriver, walk, options.warmup, 1);
      const version = await setupDriver.serverVersion();
      const levels: Phase[] = [];
      for (const c of options.concurrency) {
        const driver = engine === "sqlite" ? setupDriver : new PostgresDriver(database.url, c);
        const close = engine === "sqlite" ? async () => {} : cleanups.add(`floor pool of ${c}`, () => driver.close());
        try {
          levels.push({ name: "floor cancel 1 unit", concurrency: c, stats: await floorPhase(driver, walk, options.calls, c) });
        } finally {
          await close();
        }
        const s = levels.at(-1)!.stats;
        log(`${engine} floor c=${c}: ${s.opsPerSec.toFixed(0)} ops/s, p50 ${s.p50Ms.toFixed(2)} / p99 ${s.p99Ms.toFixed(2)} ms, ${s.errors} error(s)`);
      }
      const description =
        engine === "sqlite"
          ? "floor: the same rows as one API cancel, raw SQL through better-sqlite3, 1 connection, 1 transaction per cancel"
          : "floor: the same rows as one API cancel, raw SQL through pg, pool of c connections, prepared statements, 1 transaction per cancel";
      return { description, levels, version };
    } finally {
      await closeSetup();
    }
  } finally {
    await database.remove();
  }
}
