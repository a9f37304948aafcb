import Database from "better-sqlite3";
import pg from "pg";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { databaseEngine, sqliteFilePath } from "../config/env.ts";

/**
 * Versioned migrations: prisma/migrations/<NNNN_name>/{sqlite.sql, postgresql.sql, schema.prisma}.
 * The SQL is produced by `prisma migrate diff` (scripts/new-migration.ts); this runner applies it,
 * each migration in its own transaction, and records name + checksum in _countermand_migrations.
 * An applied migration whose file changed afterwards is an error, never silently re-run.
 */
export const MIGRATIONS_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(engine: "sqlite" | "postgresql", dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}_/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, `${engine}.sql`), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrateResult {
  engine: "sqlite" | "postgresql";
  applied: string[];
  alreadyApplied: number;
}

const LEDGER_DDL =
  'CREATE TABLE IF NOT EXISTS "_countermand_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)';

function checkApplied(applied: Map<string, string>, migrations: Migration[]) {
  const known = new Set(migrations.map((m) => m.name));
  for (const [name, checksum] of applied) {
    const m = migrations.find((x) => x.name === name);
    if (!known.has(name)) throw new Error(`Database has migration ${name}, which this code does not know (newer code ran against it?)`);
    if (m && m.checksum !== checksum) throw new Error(`Migration ${name} was changed after it was applied (checksum mismatch)`);
  }
}

export async function migrate(url: string, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const engine = databaseEngine(url);
  const migrations = loadMigrations(engine, dir);
  return engine === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

function migrateSqlite(url: string, migrations: Migration[]): MigrateResult {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const conn = new Database(file, { timeout: 10_000 });
  try {
    // WAL lets readers continue while one writer commits; it is a property of the file.
    conn.pragma("journal_mode = WAL");
    conn.pragma("foreign_keys = ON");
    conn.exec(LEDGER_DDL);
    const applied: string[] = [];
    // IMMEDIATE takes the write lock up front, so two starting processes cannot both apply.
    const run = conn.transaction(() => {
      const done = new Map(
        (conn.prepare('SELECT "name", "checksum" FROM "_countermand_migrations"').all() as { name: string; checksum: string }[]).map(
          (r) => [r.name, r.checksum],
        ),
      );
      checkApplied(done, migrations);
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        conn.exec(m.sql);
        conn
          .prepare('INSERT INTO "_countermand_migrations" ("name", "checksum", "appliedAt") VALUES (?, ?, ?)')
          .run(m.name, m.checksum, new Date().toISOString());
        applied.push(m.name);
      }
      return done.size;
    });
    const alreadyApplied = run.immediate();
    return { engine: "sqlite", applied, alreadyApplied };
  } finally {
    conn.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One migrator at a time across all instances starting against this database.
    await client.query("SELECT pg_advisory_lock(727274001)");
    await client.query(LEDGER_DDL);
    const rows = (await client.query('SELECT "name", "checksum" FROM "_countermand_migrations"')).rows as {
      name: string;
      checksum: string;
    }[];
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    checkApplied(done, migrations);
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO "_countermand_migrations" ("name", "checksum", "appliedAt") VALUES ($1, $2, $3)', [
          m.name,
          m.checksum,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    return { engine: "postgresql", applied, alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274001)").catch(() => {});
    await client.end();
  }
}
