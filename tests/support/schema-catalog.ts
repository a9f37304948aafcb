// Normalised descriptions of a database schema, for comparing "what the migrations built" with
// "what Prisma would build from the models" (tests/integration/migrations.test.ts).
// Everything is sorted by name so that column order (ALTER TABLE … ADD COLUMN appends) and
// creation order do not count as differences; names, types, nullability, defaults, keys,
// indexes, foreign keys and enum labels do.
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { sqliteFilePath } from "../../lib/platform/config/env.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Tables that are bookkeeping, not part of the Prisma models. */
export const IGNORED_TABLES = ["_countermand_migrations"];

/**
 * The DDL `prisma migrate diff --from-empty --to-schema-datamodel <schemaFile> --script` prints
 * (no database involved; works offline with the JS engine). `cwd` must hold prisma.config.ts.
 */
export function prismaDdlForSchema(schemaFile: string, cwd = REPO_ROOT): string {
  const prisma = path.join(cwd, "node_modules", ".bin", "prisma");
  return execFileSync(prisma, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFile, "--script"], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Runs a multi-statement SQL script against a database URL. */
export async function execSql(url: string, sql: string): Promise<void> {
  if (url.startsWith("file:")) {
    const conn = new Database(sqliteFilePath(url));
    try {
      conn.exec(sql);
    } finally {
      conn.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

// ───────────── SQLite ─────────────

export interface SqliteCatalog {
  tables: Record<
    string,
    {
      columns: { name: string; type: string; notnull: number; default: string | null; pk: number }[];
      indexes: { name: string; unique: number; origin: string; partial: number; columns: (string | null)[] }[];
      foreignKeys: { from: string[]; table: string; to: (string | null)[]; onUpdate: string; onDelete: string; match: string }[];
    }
  >;
}

export function sqliteCatalog(url: string): SqliteCatalog {
  const conn = new Database(sqliteFilePath(url), { readonly: true });
  try {
    const tables = (
      conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((n) => !IGNORED_TABLES.includes(n));
    const catalog: SqliteCatalog = { tables: {} };
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    for (const table of tables) {
      const columns = (
        conn.prepare(`PRAGMA table_info(${q(table)})`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[]
      )
        .map((c) => ({ name: c.name, type: c.type.toUpperCase(), notnull: c.notnull, default: c.dflt_value, pk: c.pk }))
        .sort(byKey((c) => c.name));
      const indexes = (
        conn.prepare(`PRAGMA index_list(${q(table)})`).all() as { name: string; unique: number; origin: string; partial: number }[]
      )
        .map((i) => {
          const columns = (conn.prepare(`PRAGMA index_info(${q(i.name)})`).all() as { seqno: number; name: string | null }[])
            .sort((a, b) => a.seqno - b.seqno)
            .map((c) => c.name);
          // Implicit indexes get generated names (sqlite_autoindex_<table>_<n>) that depend on
          // declaration order; identify them by what they index instead.
          const name = i.name.startsWith("sqlite_autoindex_") ? `(auto ${i.origin}: ${columns.join(",")})` : i.name;
          return { name, unique: i.unique, origin: i.origin, partial: i.partial, columns };
        })
        .sort(byKey((i) => i.name));
      const fkRows = conn.prepare(`PRAGMA foreign_key_list(${q(table)})`).all() as {
        id: number;
        seq: number;
        table: string;
        from: string;
        to: string | null;
        on_update: string;
        on_delete: string;
        match: string;
      }[];
      const fkById = new Map<number, typeof fkRows>();
      for (const r of fkRows) fkById.set(r.id, [...(fkById.get(r.id) ?? []), r]);
      const foreignKeys = [...fkById.values()]
        .map((rows) => {
          rows.sort((a, b) => a.seq - b.seq);
          return {
            from: rows.map((r) => r.from),
            table: rows[0].table,
            to: rows.map((r) => r.to),
            onUpdate: rows[0].on_update,
            onDelete: rows[0].on_delete,
            match: rows[0].match,
          };
        })
        .sort(byKey((f) => `${f.table}(${f.from.join(",")})`));
      catalog.tables[table] = { columns, indexes, foreignKeys };
    }
    return catalog;
  } finally {
    conn.close();
  }
}

// ───────────── PostgreSQL ─────────────

export interface PostgresCatalog {
  columns: Record<string, unknown>[];
  indexes: { table: string; name: string; definition: string }[];
  enums: { name: string; labels: string[] }[];
  constraints: { table: string; name: string; type: string; definition: string }[];
  sequences: { name: string; type: string }[];
}

export async function postgresCatalog(url: string): Promise<PostgresCatalog> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    const ignored = IGNORED_TABLES;
    const columns = (
      await client.query(
        `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
                character_maximum_length, numeric_precision, numeric_scale, datetime_precision, is_identity, is_generated
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND NOT (table_name = ANY($1))
          ORDER BY table_name, column_name`,
        [ignored],
      )
    ).rows;
    const indexes = (
      await client.query(
        `SELECT tablename AS "table", indexname AS name, indexdef AS definition
           FROM pg_indexes
          WHERE schemaname = current_schema() AND NOT (tablename = ANY($1))
          ORDER BY tablename, indexname`,
        [ignored],
      )
    ).rows;
    const enums = (
      await client.query(
        `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumlabel) AS labels
           FROM pg_type t
           JOIN pg_enum e ON e.enumtypid = t.oid
           JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = current_schema()
          GROUP BY t.typname
          ORDER BY t.typname`,
      )
    ).rows;
    const constraints = (
      await client.query(
        `SELECT rel.relname AS "table", c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid) AS definition
           FROM pg_constraint c
           JOIN pg_class rel ON rel.oid = c.conrelid
           JOIN pg_namespace n ON n.oid = rel.relnamespace
          WHERE n.nspname = current_schema() AND NOT (rel.relname = ANY($1))
          ORDER BY rel.relname, c.conname`,
        [ignored],
      )
    ).rows;
    const sequences = (
      await client.query(
        `SELECT sequence_name AS name, data_type AS type FROM information_schema.sequences
          WHERE sequence_schema = current_schema() ORDER BY sequence_name`,
      )
    ).rows;
    return { columns, indexes, enums, constraints, sequences };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function catalogOf(url: string): Promise<SqliteCatalog | PostgresCatalog> {
  return url.startsWith("file:") ? sqliteCatalog(url) : postgresCatalog(url);
}
