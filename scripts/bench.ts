// npm run bench — the one-unit partial cancellation workload of the peer comparison (see
// ../shared/peers/vendure/README.md), through the real HTTP API of a production build, per engine:
//
//   npm run bench                                   SQLite
//   npm run bench -- --pg-throwaway                 … and PostgreSQL on a throwaway server
//   npm run bench -- --pg-url postgresql://…        … or on an existing server (BENCH_POSTGRES_URL)
//   npm run bench -- --skip-build --orders 40 --calls 80 --warmup 20 --json out.json
//
// Per engine (scripts/bench/api-run.ts): a fresh database with demo data behind `next start`
// (tests/support/app-server.ts), an API key of integration@demo.test (scope *, rate limit out of
// the way); N orders of one line × 10 units taken in (CARD) and allocated — both measured; W
// unmeasured one-unit cancels at c=1; per concurrency level M one-unit cancels on distinct orders
// (closed loop, no retries, 30 s timeout; success = 201 COMPLETED); verification of every order
// through the API; racers; order read, order list, a RELEASE and an amendment; then the server is
// restarted with LOG_SQL=true and statements/transactions per cancel are counted from its log.
// The floor (scripts/bench/floor-*.ts) writes the same rows as one API cancel straight through the
// database driver on the same order shape and levels. A failed verification or wrong racer
// outcome makes the command exit 1.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../tests/support/app-server.ts";
import { runApi } from "./bench/api-run.ts";
import { cleanups } from "./bench/cleanup.ts";
import { environmentInfo, environmentLine, type EnvironmentInfo } from "./bench/environment.ts";
import { runFloor } from "./bench/floor-run.ts";
import { parseOptions, USAGE, UsageError, type BenchOptions, type Engine } from "./bench/options.ts";
import { engineReport, type EngineResult } from "./bench/report.ts";
import { buildApp, createDatabase, log, redact, requireBuild, throwawayPostgres } from "./bench/setup.ts";

async function benchEngine(engine: Engine, options: BenchOptions, pgServer: string | null): Promise<EngineResult> {
  // A database of our own for SQLite too, so that the LOG_SQL server can reopen it.
  const database = await createDatabase(engine, pgServer);
  let api: EngineResult["api"];
  try {
    api = await runApi(engine, options, database.url);
  } finally {
    await database.remove();
  }
  const floor = await runFloor(engine, options, pgServer);
  return { engine, engineVersion: floor.version, api, floor: { description: floor.description, levels: floor.levels } };
}

function writeJson(file: string, options: BenchOptions, results: EngineResult[], env: EnvironmentInfo) {
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const { pgUrl, ...shown } = options;
  const body = { startedAt: new Date().toISOString(), options: { ...shown, pgUrl: pgUrl && redact(pgUrl) }, environment: env, results };
  writeFileSync(target, JSON.stringify(body, null, 2) + "\n");
  log(`results written to ${target}`);
}

/** Verification and racers must hold; every measured call must have succeeded. */
function problemsOf(result: EngineResult): string[] {
  const name = result.engine;
  return [
    ...result.api.verification.filter((c) => !c.pass).map((c) => `${name}: verification failed: ${c.name}`),
    ...result.api.racers.filter((t) => !t.correct).map((t) => `${name}: racers trial ${t.trial} wrong`),
  ];
}

async function run(options: BenchOptions): Promise<number> {
  if (options.skipBuild) requireBuild();
  else await buildApp();
  let pgServer = options.pgUrl;
  if (options.engines.includes("postgresql") && options.pgThrowaway) pgServer = (await throwawayPostgres()).url;
  console.log(
    `Countermand bench: ${options.orders} orders × 1 line × 10 units (10.00 each, tax 20.00, shipping 5.00, CARD), all allocated; ` +
      `${options.warmup} warm-up cancels at c=1; ${options.calls} one-unit cancels at each of c=${options.concurrency.join(",")}; ` +
      `${options.racers} racers × ${options.racerTrials} trials.`,
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
  const problems = results.flatMap(problemsOf);
  for (const p of problems) console.log(`FAIL ${p}`);
  return problems.length ? 1 : 0;
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
    return await run(options);
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
