// The workload through the HTTP API of a production build, on one engine: setup (intake and
// allocation measured), warm-up, the measured one-unit cancels, verification, racers, the other hot
// paths, then statements per cancel counted on a restarted server with LOG_SQL=true.
import { createApiKey, startAppServer } from "../../tests/support/app-server.ts";
import { ApiClient } from "./api.ts";
import { cleanups } from "./cleanup.ts";
import type { BenchOptions } from "./options.ts";
import { ACTOR_EMAIL, STOCK_RECEIPT } from "./order-shape.ts";
import { cancelPhase, chunks, OrderWalk, timedCalls } from "./phases.ts";
import { racerTrial } from "./racers.ts";
import type { ApiResult, Phase } from "./report.ts";
import { log } from "./setup.ts";
import { countSqlPerCancel } from "./sql-count.ts";
import { verifyRun } from "./verify.ts";
import { amendNote, fulfil, stockUp, takeIn, type BenchOrder } from "./workload.ts";

const API_RATE_LIMIT = 1_000_000;
/** Sequential cancels counted on the LOG_SQL server. */
const SQL_COUNT_CANCELS = 20;
/** The job runner's poll interval on the LOG_SQL server: long, so its idle polls stay out of the count. */
const QUIET_RUNNER_MS = "3600000";

function logPhase(label: string, p: Phase) {
  const s = p.stats;
  log(`${label} ${p.name} c=${p.concurrency}: ${s.ok}/${s.calls} ok, ${s.opsPerSec.toFixed(1)} ops/s, p50 ${s.p50Ms.toFixed(1)} / p95 ${s.p95Ms.toFixed(1)} / p99 ${s.p99Ms.toFixed(1)} ms`);
}

/** Intake of N orders, then the stock receipt, then allocation of all 10 units of each; each split over the levels. */
async function setUp(api: ApiClient, options: BenchOptions, sku: string, label: string) {
  // The first order puts the fresh SKU into the catalogue so that stock can be booked; it stays OPEN.
  await takeIn(api, sku, -1);
  await stockUp(api, sku, STOCK_RECEIPT);
  const orders: BenchOrder[] = [];
  const phases: Phase[] = [];
  const indices = Array.from({ length: options.orders }, (_, i) => i);
  for (const [i, part] of chunks(indices, options.concurrency.length).entries()) {
    const c = options.concurrency[i]!;
    const stats = await timedCalls(part, c, async (index) => void orders.push(await takeIn(api, sku, index)), cleanups.signal);
    phases.push({ name: "intake (1 line × 10)", concurrency: c, stats });
  }
  if (orders.length !== options.orders) throw new Error(`only ${orders.length} of ${options.orders} orders were taken in: ${JSON.stringify(phases.map((p) => p.stats.errorMessages))}`);
  for (const [i, part] of chunks(orders, options.concurrency.length).entries()) {
    const c = options.concurrency[i]!;
    const stats = await timedCalls(part, c, (order) => fulfil(api, order, "ALLOCATE", 10), cleanups.signal);
    phases.push({ name: "allocate 10", concurrency: c, stats });
  }
  phases.forEach((p) => logPhase(label, p));
  const failed = phases.find((p) => p.stats.errors > 0);
  if (failed) throw new Error(`setup failed (${failed.name}): ${Object.keys(failed.stats.errorMessages)[0]}`);
  return { orders, phases };
}

/** Order read, order list, a RELEASE of one allocated unit (the next fulfilment step), and a delivery-note amendment, each at every level. */
async function hotPaths(api: ApiClient, options: BenchOptions, orders: BenchOrder[]): Promise<Phase[]> {
  const phases: Phase[] = [];
  const paths: [string, (o: BenchOrder) => Promise<void>][] = [
    ["GET /orders/{id}", async (o) => void (await api.expect("GET", `/orders/${o.id}`, 200))],
    ["GET /orders?limit=20", async () => void (await api.expect("GET", "/orders?limit=20", 200))],
    ["RELEASE 1 unit", (o) => fulfil(api, o, "RELEASE", 1)],
    ["amend delivery note", (o) => amendNote(api, o)],
  ];
  for (const [name, call] of paths) {
    for (const c of options.concurrency) phases.push({ name, concurrency: c, stats: await timedCalls(orders, c, call, cleanups.signal) });
  }
  return phases;
}

async function measure(api: ApiClient, options: BenchOptions, sku: string, label: string) {
  const { orders, phases: setup } = await setUp(api, options, sku, label);
  const walk = new OrderWalk(orders);
  if (options.warmup) await cancelPhase(api, walk, options.warmup, 1, cleanups.signal);
  const cancels: Phase[] = [];
  for (const c of options.concurrency) {
    cancels.push({ name: "cancel 1 unit", concurrency: c, stats: await cancelPhase(api, walk, options.calls, c, cleanups.signal) });
    logPhase(label, cancels.at(-1)!);
  }
  const verification = await verifyRun(api, orders, sku, 4);
  const racers = [];
  for (let t = 1; t <= options.racerTrials; t++) racers.push(await racerTrial(api, t, options.racers, sku));
  const others = await hotPaths(api, options, orders);
  others.forEach((p) => logPhase(label, p));
  return { setup, cancels, verification, racers, hotPaths: others };
}

/** The whole API side for one engine on `databaseUrl` (migrated and loaded with demo data by the server's start). */
export async function runApi(engine: string, options: BenchOptions, databaseUrl: string): Promise<ApiResult> {
  const label = `${engine} API`;
  const sku = `BENCH-${Date.now().toString(36).toUpperCase()}`;
  log(`${label}: migrating, loading demo data and starting next start …`);
  const server = await startAppServer({ databaseUrl });
  const stopServer = cleanups.add(`app server ${server.baseUrl}`, () => server.stop());
  let key: string;
  let measured: Awaited<ReturnType<typeof measure>>;
  try {
    key = await createApiKey(server.databaseUrl, ACTOR_EMAIL, "*", { name: "bench", rateLimit: API_RATE_LIMIT });
    measured = await measure(new ApiClient(server.baseUrl, key), options, sku, label);
  } finally {
    await stopServer();
  }
  log(`${label}: restarting with LOG_SQL=true to count statements per cancel …`);
  const logged = await startAppServer({ databaseUrl, env: { LOG_SQL: "true", JOB_RUNNER_INTERVAL_MS: QUIET_RUNNER_MS } });
  const stopLogged = cleanups.add(`app server ${logged.baseUrl}`, () => logged.stop());
  try {
    const sql = await countSqlPerCancel(new ApiClient(logged.baseUrl, key), logged.port, `${sku}-SQL`, SQL_COUNT_CANCELS);
    const pool = engine === "postgresql" ? `, app pool DB_POOL_SIZE=${process.env.DB_POOL_SIZE ?? "10 (default)"}` : "";
    const description = `API over HTTP (next start, production build${pool}): ${options.orders} orders × 1 line × 10 units allocated, ${options.warmup} warm-up, ${options.calls} one-unit cancels per level`;
    return { description, ...measured, sql };
  } finally {
    await stopLogged();
  }
}
