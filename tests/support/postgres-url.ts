// Which PostgreSQL server the PostgreSQL-side tests use, if any.
//
//   1. TEST_POSTGRES_URL (set by `npm test` / .ci/run, or by you for an existing server);
//   2. the throwaway server recorded in .tmp/postgres.json by `npm run pg:start`
//      (scripts/postgres.ts), when it is still reachable;
//   3. none: the PostgreSQL cases are skipped with a visible message, except in CI (CI set),
//      where a missing PostgreSQL is an error.
//
// Synchronous on purpose, so test files can decide at collection time:
// `describe.each(engines())(…)` (see test-db.ts).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const POSTGRES_STATE_FILE = path.join(REPO_ROOT, ".tmp", "postgres.json");

/** TCP reachability of host:port, checked synchronously in a short-lived child process. */
function reachable(url: string, timeoutMs = 2_000): boolean {
  let host: string;
  let port: number;
  try {
    const u = new URL(url);
    host = u.hostname || "127.0.0.1";
    port = Number(u.port || 5432);
  } catch {
    return false;
  }
  const probe = `
    const s = require("node:net").connect({ host: process.argv[1], port: Number(process.argv[2]) });
    s.setTimeout(${timeoutMs}, () => process.exit(1));
    s.on("connect", () => process.exit(0));
    s.on("error", () => process.exit(1));`;
  const r = spawnSync(process.execPath, ["-e", probe, host, String(port)], { timeout: timeoutMs + 1_000, stdio: "ignore" });
  return r.status === 0;
}

let cachedStateUrl: string | null | undefined;

export function resolvePostgresUrl(): string | null {
  const fromEnv = process.env.TEST_POSTGRES_URL?.trim();
  if (fromEnv) return fromEnv;
  if (cachedStateUrl !== undefined) return cachedStateUrl;
  cachedStateUrl = null;
  if (existsSync(POSTGRES_STATE_FILE)) {
    try {
      const { url } = JSON.parse(readFileSync(POSTGRES_STATE_FILE, "utf8")) as { url?: unknown };
      if (typeof url === "string" && reachable(url)) cachedStateUrl = url;
    } catch {
      /* unreadable record: treat as absent */
    }
  }
  return cachedStateUrl;
}

/** CI is on when `CI` is set to anything but "", "0" or "false". */
export function isCI(): boolean {
  const v = process.env.CI;
  return v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false";
}

export const SKIP_HINT = "set TEST_POSTGRES_URL or install PostgreSQL binaries";

const announced = new Set<string>();

/** Prints the skip line once per label, loud enough to notice in a passing run. */
export function announcePostgresSkip(label: string): void {
  if (announced.has(label)) return;
  announced.add(label);
  const line = `⚠ SKIPPED (no PostgreSQL): ${label} — ${SKIP_HINT}`;
  const bar = "!".repeat(Math.min(line.length, 100));
  // Straight to the terminal: console output of passing tests can be hidden by reporters.
  process.stderr.write(`\n\x1b[1;33m${bar}\n${line}\n${bar}\x1b[0m\n\n`);
}

/**
 * The PostgreSQL URL to test against, or null (after printing the skip line) when there is none.
 * In CI (`CI` set) a missing PostgreSQL throws: those tests must run there.
 */
export function requirePostgresOrSkip(label: string): string | null {
  const url = resolvePostgresUrl();
  if (url) return url;
  if (isCI()) {
    throw new Error(
      `PostgreSQL tests must run in CI but no PostgreSQL is available for: ${label}. ` +
        "Set TEST_POSTGRES_URL (e.g. from `npx tsx scripts/postgres.ts start`).",
    );
  }
  announcePostgresSkip(label);
  return null;
}
