// npm run bench — throughput and latency of intake → allocate → partial cancellations through the
// real HTTP API of a production build, beside the same rows written straight through the database
// driver (the floor), per engine and concurrency level. Results are printed, never asserted.
//
//   npm run bench                                   SQLite, concurrency 1,4,16, 200 orders per level
//   npm run bench -- --pg-throwaway                 … and PostgreSQL on a throwaway server
//   npm run bench -- --pg-url postgresql://…        … or on an existing server (BENCH_POSTGRES_URL)
//   npm run bench -- --skip-build --orders 60 --concurrency 1,4 --json out.json
//
// Per engine: a fresh database with demo data behind `next start` (tests/support/app-server.ts), an
// API key of integration@demo.test (scope *, rate limit out of the way), one stock receipt; then per
// level c workers push N orders through each operation (scripts/bench/runner.ts). The floor writes
// the same rows with raw SQL into another freshly migrated database (scripts/bench/floor-workload.ts):
// SQLite through one connection (it has one writer: sequential is the honest floor), PostgreSQL
// through a pool of c connections.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createApiKey, REPO_ROOT, startAppServer } from "../tests/support/app-server.ts";
import { migrate } from "../lib/platform/db/migrate.ts";
import { ApiClient, ApiWorkload } from "./bench/api-workload.ts";
import { cleanups } from "./bench/cleanup.ts";
import { FloorWorkload, seedReferenceData } from "./bench/floor-workload.ts";
import { parseOptions, USAGE, UsageError, type BenchOptions, type Engine } from "./bench/options.ts";
import { ACTOR_EMAIL } from "./bench/order-shape.ts";
import { engineReport, environmentInfo, environmentLine, formatRate, type EngineResult, type RunResult } from "./bench/report.ts";
import { runLevel, warmUp, type LevelResult, type Workload } from "./bench/runner.ts";
import { buildApp, createDatabase, log, MIGRATIONS, redact, requireBuild, throwawayPostgres } from "./bench/setup.ts";
import { PostgresDriver, SqliteDriver, type SqlDriver } from "./bench/sql-driver.ts";

const API_RATE_LIMIT = 1_000_000;

/** Warm-up, then the measured level, for each concurrency level in turn. */
async function runLevels(label: string, options: BenchOptions, workloadFor: (concurrency: number) => Promise<{ workload: Workload; done?: () => Promise<void> }>) {
  const levels: LevelResult[] = [];
  for (const concurrency of options.concurrency) {
    const { workload, done } = await workloadFor(concurrency);
    try {
      await warmUp(workload, Math.max(options.warmup, concurrency), concurrency, cleanups.signal);
      const level = await runLevel(workload, concurrency, options.orders, cleanups.signal);
      log(`${label} c=${concurrency}: ${formatRate((level.orders / level.wallMs) * 1000)} orders/s, ${level.all.errors} error(s)`);
      levels.push(level);
    } finally {
      await done?.();
    }
  }
  return levels;
}

async function benchApi(engine: Engine, options: BenchOptions, pgServer: string | null): Promise<RunResult> {
  // SQLite: startAppServer makes (and removes) its own fresh file; PostgreSQL: a new database.
  const database = engine === "postgresql" ? await createDatabase(engine, pgServer) : null;
  try {
    log(`${engine} API: migrating, loading demo data and starting next start …`);
    const server = await startAppServer({ databaseUrl: database?.url });
    const stopServer = cleanups.add(`app server ${server.baseUrl}`, () => server.stop());
    try {
      const key = await createApiKey(server.databaseUrl, ACTOR_EMAIL, "*", { name: "bench", rateLimit: API_RATE_LIMIT });
      const workload = new ApiWorkload(new ApiClient(server.baseUrl, key));
      await workload.stockUp();
      log(`${engine} API: server ${server.baseUrl} ready on ${redact(server.databaseUrl)}`);
      const levels = await runLevels(`${engine} API`, options, async () => ({ workload }));
      const pool = engine === "postgresql" ? `, app pool DB_POOL_SIZE=${process.env.DB_POOL_SIZE ?? "10 (default)"}` : "";
      return { description: `API over HTTP (next start, production build; 1 call per operation, with Idempotency-Key${pool})`, levels };
    } finally {
      await stopServer();
    }
  } finally {
    await database?.remove();
  }
}

async function benchFloor(engine: Engine, options: BenchOptions, pgServer: string | null): Promise<{ run: RunResult; version: string }> {
  const database = await createDatabase(engine, pgServer);
  try {
    await migrate(database.url, MIGRATIONS);
    // SQLite: one connection for every level. PostgreSQL: a pool of c connections per level.
    const shared: SqlDriver = engine === "sqlite" ? new SqliteDriver(database.url) : new PostgresDriver(database.url, 1);
    const closeShared = cleanups.add("floor connection", () => shared.close());
    try {
      await seedReferenceData(shared);
      const version = await shared.serverVersion();
      const levels = await runLevels(`${engine} floor`, options, async (concurrency) => {
        if (engine === "sqlite") return { workload: new FloorWorkload(shared) };
        const driver = new PostgresDriver(database.url, concurrency);
        const close = cleanups.add(`floor pool of ${concurrency}`, () => driver.close());
        return { workload: new FloorWorkload(driver), done: close };
      });
      const description =
        engine === "sqlite"
          ? "floor: raw SQL through better-sqlite3, 1 connection (transactions take turns), 1 transaction per operation"
          : "floor: raw SQL through pg, pool of c connections, named prepared statements, 1 transaction per operation";
      return { run: { description, levels }, version };
    } finally {
      await closeShared();
    }
  } finally {
    await database.remove();
  }
}

async function benchEngine(engine: Engine, options: BenchOptions, pgServer: string | null): Promise<EngineResult> {
  const api = await benchApi(engine, options, pgServer);
  const floor = await benchFloor(engine, options, pgServer);
  return { engine, engineVersion: floor.version, api, floor: floor.run };
}

function writeJson(file: string, options: BenchOptions, results: EngineResult[], env: ReturnType<typeof environmentInfo>) {
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const { pgUrl, ...shown } = options;
  const body = { startedAt: new Date().toISOString(), options: { ...shown, pgUrl: pgUrl && redact(pgUrl) }, environment: env, results };
  writeFileSync(target, JSON.stringify(body, null, 2) + "\n");
  log(`results written to ${target}`);
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions | null;
  try {
    options = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  cleanups.installSignalHandlers();
  try {
    if (options.skipBuild) requireBuild();
    else await buildApp();

    let pgServer = options.pgUrl;
    if (options.engines.includes("postgresql") && options.pgThrowaway) pgServer = (await throwawayPostgres()).url;

    console.log(
      `Countermand bench: ${options.orders} orders per level × 4 calls (intake 6 units → allocate 4 → cancel 1 open → cancel 1 open + 1 allocated), ` +
        `concurrency ${options.concurrency.join(",")}; each operation is its own phase over all orders, so its ops/s is measured wall-clock throughput.`,
    );
    const results: EngineResult[] = [];
    for (const engine of options.engines) {
      const result = await benchEngine(engine, options, pgServer);
      console.log(engineReport(result));
      results.push(result);
    }
    const env = environmentInfo(REPO_ROOT, Object.fromEntries(results.map((r) => [r.engine, r.engineVersion])));
    console.log(`\nenvironment: ${environmentLine(env)}`);
    if (options.jsonFile) writeJson(options.jsonFile, options, results, env);
    return 0;
  } finally {
    await cleanups.runAll();
  }
}

// After Ctrl-C the signal handler (scripts/bench/cleanup.ts) cleans up and exits; main only winds down.
main(process.argv.slice(2)).then(
  (code) => {
    if (!cleanups.interrupted) process.exit(code);
  },
  (e) => {
    if (cleanups.interrupted) return;
    console.error(`[bench] failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
