// `npm test`: every test tier in order, stopping at the first failure.
//
//   1. unit         vitest run --project unit
//   2. postgresql   TEST_POSTGRES_URL, else the server from `npm run pg:start`, else a throwaway
//                   server started here (and stopped at the end); none possible: skipped with a
//                   visible message, or a failure in CI (CI set)
//   3. integration  vitest run --project integration   (SQLite, and PostgreSQL when available)
//   4. build        NEXT_DIST_DIR=.next-test next build (skip with SKIP_BUILD=1 when it is current)
//   5. api          vitest run --project api            (starts the built app itself)
//   6. e2e          playwright test                     (needs Chromium; skipped/failed like 2)
//
// Exit status is non-zero when a tier fails; a summary table is printed at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findPostgresBin, startThrowawayPostgres, stopThrowawayPostgresSync, type PostgresHandle } from "./postgres.ts";
import { announcePostgresSkip, isCI, resolvePostgresUrl } from "../tests/support/postgres-url.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

type Status = "passed" | "failed" | "skipped" | "not run";
interface TierResult {
  tier: string;
  status: Status;
  ms: number;
  note?: string;
}

const results: TierResult[] = [];
let current: ChildProcess | null = null;
let postgres: PostgresHandle | null = null;
let running: { tier: string; since: number } | null = null;
const startedAt = Date.now();
const ALL_TIERS = ["unit", "postgresql", "integration", "build", "api", "e2e"];

const color = (code: string, s: string) => (process.stdout.isTTY ? `\x1b[${code}m${s}\x1b[0m` : s);

function header(title: string) {
  console.log(`\n${color("1;36", `━━━ ${title} ${"━".repeat(Math.max(3, 70 - title.length))}`)}`);
}

function loud(line: string) {
  const bar = "!".repeat(Math.min(line.length, 100));
  console.log(color("1;33", `\n${bar}\n${line}\n${bar}\n`));
}

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  console.log(color("2", `$ ${[path.relative(ROOT, cmd) || cmd, ...args].join(" ")}`));
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...extraEnv } });
    current = child;
    child.once("error", (e) => {
      console.error(`could not run ${cmd}: ${e.message}`);
      current = null;
      resolve(127);
    });
    child.once("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 + (signalNumbers[signal] ?? 1) : 1));
    });
  });
}

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

function fmt(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
}

function printSummary() {
  const rows = [...results];
  for (const t of ALL_TIERS) if (!rows.some((r) => r.tier === t)) rows.push({ tier: t, status: "not run", ms: 0 });
  const paint: Record<Status, string> = { passed: "32", failed: "1;31", skipped: "1;33", "not run": "2" };
  header("Summary");
  console.log(`${"tier".padEnd(13)}${"result".padEnd(10)}${"time".padStart(8)}  note`);
  for (const r of rows) {
    const status = color(paint[r.status], r.status.padEnd(10));
    console.log(`${r.tier.padEnd(13)}${status}${(r.status === "not run" ? "" : fmt(r.ms)).padStart(8)}  ${r.note ?? ""}`);
  }
  console.log(`${"total".padEnd(23)}${fmt(Date.now() - startedAt).padStart(8)}`);
}

function cleanup() {
  if (postgres) {
    const handle = postgres;
    postgres = null;
    console.log(`[test] stopping throwaway PostgreSQL ${handle.url}`);
    try {
      stopThrowawayPostgresSync(handle);
    } catch (e) {
      console.error(`[test] could not stop PostgreSQL: ${(e as Error).message}`);
    }
  }
}

function finish(code: number, reason?: string): never {
  if (running && reason) results.push({ tier: running.tier, status: "failed", ms: Date.now() - running.since, note: reason });
  running = null;
  cleanup();
  printSummary();
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as NodeJS.Signals[]) {
  process.on(signal, () => {
    console.error(`\n[test] ${signal}: stopping`);
    // Children share our process group for Ctrl-C, but a signal sent to this process alone must reach them too.
    if (current && current.exitCode === null) current.kill(signal);
    finish(128 + (signalNumbers[signal] ?? 1), `interrupted (${signal})`);
  });
}

/** Runs one tier; stops everything at the first failure. */
async function tier(name: string, title: string, body: () => Promise<{ status: Status; note?: string }>) {
  header(title);
  const t0 = Date.now();
  running = { tier: name, since: t0 };
  let outcome: { status: Status; note?: string };
  try {
    outcome = await body();
  } catch (e) {
    console.error(color("1;31", `[test] ${name}: ${(e as Error).message}`));
    outcome = { status: "failed", note: (e as Error).message.split("\n")[0].slice(0, 80) };
  }
  running = null;
  results.push({ tier: name, ms: Date.now() - t0, ...outcome });
  if (outcome.status === "failed") finish(1);
}

const exitStatus = (code: number, note?: string) => ({ status: (code === 0 ? "passed" : "failed") as Status, note: code === 0 ? note : `exit ${code}` });

function hasFiles(dir: string, pattern: RegExp): boolean {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory() ? hasFiles(p, pattern) : pattern.test(entry.name)) return true;
  }
  return false;
}

async function findChromium(): Promise<string | null> {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH=${configured} does not exist`);
    return configured;
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    /* Playwright not installed or no browser registry */
  }
  return null;
}

process.env.NEXT_TELEMETRY_DISABLED = "1";
const ci = isCI();
console.log(`[test] ${ci ? "CI mode: PostgreSQL and Chromium tiers are required" : "local mode: tiers without PostgreSQL/Chromium are skipped loudly"}`);

await tier("unit", "1/6 unit tests", async () => exitStatus(await run(BIN("vitest"), ["run", "--project", "unit"])));

await tier("postgresql", "2/6 PostgreSQL for integration tests", async () => {
  if (process.env.TEST_POSTGRES_URL?.trim()) {
    console.log(`[test] using TEST_POSTGRES_URL=${process.env.TEST_POSTGRES_URL}`);
    return { status: "passed", note: "TEST_POSTGRES_URL" };
  }
  const recorded = resolvePostgresUrl();
  if (recorded) {
    process.env.TEST_POSTGRES_URL = recorded;
    console.log(`[test] using the server from \`npm run pg:start\`: ${recorded}`);
    return { status: "passed", note: `.tmp/postgres.json ${recorded}` };
  }
  if (findPostgresBin()) {
    postgres = await startThrowawayPostgres({ log: (l) => console.log(`[postgres] ${l}`) });
    process.env.TEST_POSTGRES_URL = postgres.url;
    return { status: "passed", note: `throwaway server on port ${postgres.port}` };
  }
  if (ci) throw new Error("no PostgreSQL in CI: set TEST_POSTGRES_URL or install PostgreSQL 15 binaries");
  announcePostgresSkip("PostgreSQL integration tests (only SQLite will run)");
  return { status: "skipped", note: "no PostgreSQL: SQLite only" };
});

await tier("integration", "3/6 integration tests", async () => exitStatus(await run(BIN("vitest"), ["run", "--project", "integration"])));

await tier("build", "4/6 production build (.next-test)", async () => {
  if (process.env.SKIP_BUILD === "1") {
    console.log("[test] SKIP_BUILD=1: reusing the existing .next-test build");
    return { status: "skipped", note: "SKIP_BUILD=1" };
  }
  return exitStatus(await run(BIN("next"), ["build"], { NEXT_DIST_DIR: ".next-test" }));
});

await tier("api", "5/6 API tests", async () => {
  if (!hasFiles(path.join(ROOT, "tests", "api"), /\.test\.ts$/)) {
    console.log("[test] no tests in tests/api");
    return { status: "passed", note: "no tests" };
  }
  return exitStatus(await run(BIN("vitest"), ["run", "--project", "api", "--passWithNoTests"]));
});

await tier("e2e", "6/6 browser tests (Playwright)", async () => {
  if (!hasFiles(path.join(ROOT, "e2e"), /\.(spec|test)\.ts$/)) {
    console.log("[test] no tests in e2e/");
    return { status: "passed", note: "no tests" };
  }
  const chromium = await findChromium();
  if (!chromium) {
    if (ci) throw new Error("no Chromium in CI: apt-get install -y chromium (or set PLAYWRIGHT_CHROMIUM_PATH)");
    loud("⚠ SKIPPED (no Chromium): browser tests — apt-get install -y chromium or set PLAYWRIGHT_CHROMIUM_PATH");
    return { status: "skipped", note: "no Chromium" };
  }
  console.log(`[test] Chromium: ${chromium}`);
  return exitStatus(await run(BIN("playwright"), ["test", "--pass-with-no-tests"]));
});

finish(0);
