// The versioned migrations (prisma/migrations/NNNN_name/{sqlite,postgresql}.sql) must build exactly
// the schema the Prisma models describe. If this fails after editing prisma/schema.prisma, author
// a migration: `node scripts/schemas.mjs && npm run db:migration:new -- <snake_case_name>`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadMigrations, migrate } from "../../lib/platform/db/migrate.ts";
import { catalogOf, execSql, prismaDdlForSchema } from "../support/schema-catalog.ts";
import { createEmptyDatabase, engines, type Engine } from "../support/test-db.ts";
import { derivePostgresStorageSchema } from "../../scripts/schemas.mjs";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "migrations");
const SCHEMA_FILE: Record<Engine, string> = {
  sqlite: path.join(REPO_ROOT, "prisma", "schema.prisma"),
  postgresql: path.join(REPO_ROOT, "prisma", "postgresql", "schema.prisma"),
};

/**
 * The models as each engine stores them: SQLite takes prisma/schema.prisma as is; PostgreSQL the
 * storage schema, whose fields marked `// int64` are BIGINT (scripts/schemas.mjs).
 */
function storageDdl(engine: Engine): string {
  if (engine === "sqlite") return prismaDdlForSchema(path.relative(REPO_ROOT, SCHEMA_FILE.sqlite), REPO_ROOT);
  const dir = mkdtempSync(path.join(tmpdir(), "cm-storage-schema-"));
  try {
    const file = path.join(dir, "schema.prisma");
    writeFileSync(file, derivePostgresStorageSchema(readFileSync(SCHEMA_FILE.sqlite, "utf8")));
    return prismaDdlForSchema(file, REPO_ROOT);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("prisma/postgresql/schema.prisma", () => {
  it("is up to date with prisma/schema.prisma (node scripts/schemas.mjs --check)", () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts", "schemas.mjs"), "--check"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  });
});

describe.each(engines("migrations test on PostgreSQL"))("migrations on %s", (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch((e) => console.error(e));
  });

  async function emptyDatabase(): Promise<string> {
    const d = await createEmptyDatabase(engine);
    cleanups.push(d.remove);
    return d.url;
  }

  let migratedUrl: string | undefined;

  it("migrate() takes an empty database to the latest migration, and a second run applies nothing", async () => {
    const all = loadMigrations(engine, MIGRATIONS_DIR).map((m) => m.name);
    expect(all.length).toBeGreaterThan(0);
    const url = await emptyDatabase();

    const first = await migrate(url, MIGRATIONS_DIR);
    expect(first.engine).toBe(engine);
    expect(first.applied).toEqual(all);
    expect(first.alreadyApplied).toBe(0);

    const second = await migrate(url, MIGRATIONS_DIR);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(all.length);
    migratedUrl = url;
  });

  it("the migrated schema matches the Prisma models (prisma migrate diff --from-empty)", async () => {
    const url = migratedUrl ?? (await emptyDatabase());
    if (!migratedUrl) await migrate(url, MIGRATIONS_DIR);

    const ddl = storageDdl(engine);
    expect(ddl).toMatch(/CREATE TABLE/);
    // Money and points are 64-bit on PostgreSQL too.
    if (engine === "postgresql") expect(ddl).toMatch(/"total" BIGINT NOT NULL/);
    const fromModels = await emptyDatabase();
    await execSql(fromModels, ddl);
    // What the schema language cannot state (partial unique indexes) is declared once, beside it.
    await execSql(fromModels, readFileSync(path.join(REPO_ROOT, "prisma", "partial-indexes.sql"), "utf8"));

    const [actual, expected] = await Promise.all([catalogOf(url), catalogOf(fromModels)]);
    // Guard against comparing two empty catalogs.
    const size = "tables" in expected ? Object.keys(expected.tables).length : expected.columns.length;
    expect(size).toBeGreaterThan(0);
    expect(
      actual,
      `The schema built by prisma/migrations differs from ${path.relative(REPO_ROOT, SCHEMA_FILE[engine])}. ` +
        "Did prisma/schema.prisma change without a migration? Run `node scripts/schemas.mjs && npm run db:migration:new -- <name>`.",
    ).toEqual(expected);
  });
});
