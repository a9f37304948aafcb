// Derives the PostgreSQL schema from prisma/schema.prisma (the single source of truth).
// Only the datasource and the client output differ; the models are identical.
// derivePostgresStorageSchema() is what PostgreSQL stores: the same, with the fields marked
// `// int64` as BigInt (BIGINT columns). Migrations are authored from it and tested against it;
// the client stays generated from the Int version, and Prisma reads and writes an Int field over a
// BIGINT column as a plain number.
// `node scripts/schemas.mjs --check` fails when the checked-in copy is stale.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");

export function derivePostgresSchema(text) {
  const out = text
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./placeholder.db"', 'url      = "postgresql://placeholder@localhost/placeholder"')
    .replace('output     = "../lib/platform/db/generated/sqlite"', 'output     = "../../lib/platform/db/generated/postgresql"')
    .replace(
      "// Countermand data model, the single source of truth for both engines; scripts/schemas.mjs derives prisma/postgresql/schema.prisma from it.",
      "// GENERATED from prisma/schema.prisma by scripts/schemas.mjs: edit that file, not this one.",
    );
  if (out === text || !out.includes('provider = "postgresql"') || !out.includes("generated/postgresql")) {
    throw new Error("scripts/schemas.mjs: prisma/schema.prisma no longer has the expected datasource/generator lines");
  }
  return out;
}

const INT64_FIELD = /^(\s+\w+\s+)Int(\??)(\s.*)?\/\/ int64\s*$/;

/** The PostgreSQL schema as stored: fields marked `// int64` become BigInt (BIGINT columns). */
export function derivePostgresStorageSchema(text) {
  return derivePostgresSchema(text)
    .split("\n")
    .map((line) => {
      if (!line.includes("// int64") || line.trim().startsWith("//")) return line;
      const m = INT64_FIELD.exec(line);
      if (!m) throw new Error(`scripts/schemas.mjs: "// int64" marks an Int field only: ${line.trim()}`);
      return line.replace(INT64_FIELD, (_, head, optional, rest = " ") => `${head}BigInt${optional}${rest}// int64`);
    })
    .join("\n");
}

const target = path.join(root, "prisma/postgresql/schema.prisma");
const derived = derivePostgresSchema(source);
const runAsScript = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (!runAsScript) {
  // Imported for its functions (scripts/new-migration.ts, tests): no side effects.
} else if (process.argv.includes("--check")) {
  const current = readFileSync(target, "utf8");
  if (current !== derived) {
    console.error("prisma/postgresql/schema.prisma is stale: run `node scripts/schemas.mjs`");
    process.exit(1);
  }
} else {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, derived);
}
