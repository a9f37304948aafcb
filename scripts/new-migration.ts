// Authors the next migration for both engines from the difference between the schema snapshot of
// the latest migration and prisma/schema.prisma. Usage: npm run db:migration:new -- <name>
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MIGRATIONS_DIR, loadMigrations } from "../lib/platform/db/migrate.ts";
import { derivePostgresStorageSchema } from "./schemas.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <snake_case_name>");
  process.exit(2);
}
const existing = loadMigrations("sqlite");
const next = String(existing.length + 1).padStart(4, "0") + "_" + name;
const current = readFileSync("prisma/schema.prisma", "utf8");
const work = mkdtempSync(path.join(tmpdir(), "cm-migration-"));

function diff(fromSchema: string | null, toSchema: string, label: string): string {
  const to = path.join(work, `${label}-to.prisma`);
  writeFileSync(to, toSchema);
  const args = ["prisma", "migrate", "diff", "--to-schema-datamodel", to, "--script"];
  if (fromSchema === null) args.push("--from-empty");
  else {
    const from = path.join(work, `${label}-from.prisma`);
    writeFileSync(from, fromSchema);
    args.push("--from-schema-datamodel", from);
  }
  return execFileSync("npx", args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

const last = existing.at(-1);
const previous = last ? readFileSync(path.join(MIGRATIONS_DIR, last.name, "schema.prisma"), "utf8") : null;
const sqlite = diff(previous, current, "sqlite");
const postgres = diff(previous && derivePostgresStorageSchema(previous), derivePostgresStorageSchema(current), "postgresql");
const changes = (sql: string) => /\b(CREATE|ALTER|DROP)\b/.test(sql);
if (!changes(sqlite) && !changes(postgres)) {
  console.error("No schema changes since the last migration.");
  process.exit(1);
}
const dir = path.join(MIGRATIONS_DIR, next);
if (existsSync(dir)) throw new Error(`${dir} exists`);
mkdirSync(dir, { recursive: true });
// A change only one engine sees (e.g. a column becoming BIGINT on PostgreSQL) leaves the other with nothing to do.
writeFileSync(path.join(dir, "sqlite.sql"), changes(sqlite) ? sqlite : "-- Nothing changes on SQLite.\n");
writeFileSync(path.join(dir, "postgresql.sql"), changes(postgres) ? postgres : "-- Nothing changes on PostgreSQL.\n");
writeFileSync(path.join(dir, "schema.prisma"), current);
console.log(`Created prisma/migrations/${next}`);
