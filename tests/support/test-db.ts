// Fresh, migrated databases for integration tests, on either engine.
//
//   import { createTestDatabase, engines } from "../support/test-db.ts";
//
//   describe.each(engines())("orders on %s", (engine) => {
//     let t: TestDatabase;
//     beforeAll(async () => { t = await createTestDatabase(engine); });
//     afterAll(async () => { await t?.drop(); });
//     it("…", async () => { await t.db.order.findMany(); });
//   });
//
// engines() is always ["sqlite"] plus "postgresql" when a server is available (see
// postgres-url.ts); without one it prints a visible skip line, and in CI it throws instead.
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createDb, type Db } from "../../lib/platform/db/client.ts";
import { MIGRATIONS_DIR, migrate } from "../../lib/platform/db/migrate.ts";
import { requirePostgresOrSkip, resolvePostgresUrl } from "./postgres-url.ts";

export type Engine = "sqlite" | "postgresql";

export interface TestDatabase {
  url: string;
  db: Db;
  engine: Engine;
  /** Disconnects the client and deletes the database (file or CREATEd database). */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** Apply prisma/migrations (default true). false gives an empty database. */
  migrate?: boolean;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const TEST_DB_DIR = path.join(REPO_ROOT, ".tmp", "test-db");

function randomName(): string {
  return `${Date.now().toString(36)}_${randomBytes(5).toString("hex")}`;
}

/** Same server, other database: replaces the path of a postgresql:// URL. */
export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/** An empty database: a new SQLite file, or CREATE DATABASE on the test PostgreSQL server. */
export async function createEmptyDatabase(engine: Engine): Promise<{ url: string; remove(): Promise<void> }> {
  if (engine === "sqlite") {
    mkdirSync(TEST_DB_DIR, { recursive: true });
    const file = path.join(TEST_DB_DIR, `${randomName()}.db`);
    return {
      url: `file:${file}`,
      async remove() {
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
      },
    };
  }
  const server = resolvePostgresUrl();
  if (!server) {
    throw new Error("createTestDatabase('postgresql'): no PostgreSQL available (set TEST_POSTGRES_URL); use engines() to skip");
  }
  const name = `cm_test_${randomName()}`;
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(server, name),
    async remove() {
      await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export async function createTestDatabase(engine: Engine, options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(engine);
  try {
    if (options.migrate !== false) await migrate(empty.url);
  } catch (e) {
    await empty.remove().catch(() => {});
    throw e;
  }
  const db = createDb(empty.url);
  let dropped = false;
  return {
    url: empty.url,
    db,
    engine,
    async drop() {
      if (dropped) return;
      dropped = true;
      await db.$disconnect().catch(() => {});
      await empty.remove();
    },
  };
}

/**
 * Engines to run integration tests on: "sqlite" always, "postgresql" when a server is available.
 * Without one, prints `⚠ SKIPPED (no PostgreSQL): <label> …` (or throws in CI).
 */
export function engines(label = "PostgreSQL integration tests"): Engine[] {
  return requirePostgresOrSkip(label) ? ["sqlite", "postgresql"] : ["sqlite"];
}

/**
 * The migrations up to and including `last`, in a directory of their own (remove it when done):
 * a database that has lived at `last`, to see what the later migrations make of its rows.
 */
export function migrationsUpTo(last: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cm-migrations-"));
  for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => /^\d{4}_/.test(n) && n <= last)) {
    cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}
