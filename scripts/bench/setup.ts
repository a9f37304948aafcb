// Building the app and providing databases and PostgreSQL for the benchmark.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, TEST_DIST_DIR } from "../../tests/support/app-server.ts";
import { createEmptyDatabase } from "../../tests/support/test-db.ts";
import { startThrowawayPostgres, stopThrowawayPostgresSync } from "../postgres.ts";
import { cleanups } from "./cleanup.ts";
import type { Engine } from "./options.ts";

export const BENCH_TMP = path.join(REPO_ROOT, ".tmp", "bench");
export const MIGRATIONS = path.join(REPO_ROOT, "prisma", "migrations");

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** `NEXT_DIST_DIR=.next-test next build`, as the test tiers build it; output goes to a log file. */
export async function buildApp(): Promise<void> {
  mkdirSync(BENCH_TMP, { recursive: true });
  const logFile = path.join(BENCH_TMP, "build.log");
  log(`building the production app into ${TEST_DIST_DIR}/ (log: ${path.relative(REPO_ROOT, logFile)}) …`);
  const started = Date.now();
  const out = createWriteStream(logFile);
  const child = spawn(path.join(REPO_ROOT, "node_modules", ".bin", "next"), ["build"], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEXT_DIST_DIR: TEST_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (c) => resolve(c));
  });
  await new Promise<void>((resolve) => out.end(resolve));
  if (code !== 0) {
    throw new Error(`next build failed (exit ${code}). Last lines of ${logFile}:\n${tail(logFile, 40)}`);
  }
  log(`build done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

export function requireBuild(): void {
  if (!existsSync(path.join(REPO_ROOT, TEST_DIST_DIR, "BUILD_ID"))) {
    throw new Error(`--skip-build was given but there is no build in ${TEST_DIST_DIR}/; run once without --skip-build`);
  }
}

/** Starts a throwaway PostgreSQL that is stopped and removed at the end, on errors and on Ctrl-C. */
export async function throwawayPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const handle = await startThrowawayPostgres({ log: (line) => log(line) });
  // Last resort if the process dies without running the cleanups (stopping twice is harmless).
  process.once("exit", () => stopThrowawayPostgresSync(handle));
  const stop = cleanups.add("throwaway PostgreSQL", () => stopThrowawayPostgresSync(handle));
  return { url: handle.url, stop };
}

export interface BenchDatabase {
  url: string;
  /** Deletes the database (idempotent); also run on Ctrl-C. */
  remove: () => Promise<void>;
}

/** A new empty database: a SQLite file under .tmp/test-db, or CREATE DATABASE on `pgServer`. */
export async function createDatabase(engine: Engine, pgServer: string | null): Promise<BenchDatabase> {
  let empty: Awaited<ReturnType<typeof createEmptyDatabase>>;
  if (engine === "sqlite") {
    empty = await createEmptyDatabase("sqlite");
  } else {
    if (!pgServer) throw new Error("no PostgreSQL server to create a database on");
    // createEmptyDatabase reads the server from TEST_POSTGRES_URL (synchronously, before its first await).
    const previous = process.env.TEST_POSTGRES_URL;
    process.env.TEST_POSTGRES_URL = pgServer;
    try {
      empty = await createEmptyDatabase("postgresql");
    } catch (e) {
      throw new Error(`cannot create a database on the PostgreSQL server ${redact(pgServer)}: ${(e as Error).message}`);
    } finally {
      if (previous === undefined) delete process.env.TEST_POSTGRES_URL;
      else process.env.TEST_POSTGRES_URL = previous;
    }
  }
  const remove = cleanups.add(`database ${redact(empty.url)}`, () => empty.remove());
  return { url: empty.url, remove };
}

/** A URL fit for printing: no password. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:@/]*):[^@/]*@/, "$1:***@");
}
