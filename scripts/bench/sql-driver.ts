// Bare database drivers for the floor: better-sqlite3 and pg, raw SQL, one transaction per call.
//
// Statements are written once in PostgreSQL style — `$1`, `$2::"Bucket"`, `$3::jsonb` — and run
// as-is on PostgreSQL (as named prepared statements); for SQLite the casts are dropped and the
// numbered parameters become positional `?`. Dates are bound the way Prisma binds them.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import pg from "pg";
import { sqliteFilePath } from "../../lib/platform/config/env.ts";

export type Row = Record<string, unknown>;
export type Param = string | number | boolean | null | Date;

export interface SqlTx {
  /** Runs one statement; returns its rows (use RETURNING to read what an UPDATE changed). */
  query(sql: string, params?: Param[]): Promise<Row[]>;
}

export interface SqlDriver {
  readonly engine: "sqlite" | "postgresql";
  /** BEGIN … COMMIT around `fn` (ROLLBACK when it throws). */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  serverVersion(): Promise<string>;
  close(): Promise<void>;
}

/** A FIFO mutex: SQLite has one connection, so transactions take turns on it. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

const PG_PARAM = /\$(\d+)(?:::(?:"\w+"|\w+))?/g;

/** `$2::"Bucket"` → `?`; `indices[k]` is the parameter (0-based) the k-th `?` binds. */
export function toSqlite(sql: string): { sql: string; indices: number[] } {
  const indices: number[] = [];
  const text = sql.replace(PG_PARAM, (_, n: string) => {
    indices.push(Number(n) - 1);
    return "?";
  });
  // Casts of literals ('CARD'::"TenderMethod", '{}'::jsonb) go too: SQLite stores the text as is.
  return { sql: text.replace(/::(?:"\w+"|\w+)/g, ""), indices };
}

function sqliteValue(value: Param): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function pgValue(value: Param): unknown {
  // TIMESTAMP(3) without time zone holding UTC, as Prisma writes it.
  return value instanceof Date ? value.toISOString() : value;
}

export class SqliteDriver implements SqlDriver {
  readonly engine = "sqlite" as const;
  readonly #conn: Database.Database;
  readonly #statements = new Map<string, { stmt: Database.Statement; indices: number[] }>();
  readonly #mutex = new Mutex();
  readonly #tx: SqlTx = { query: async (sql, params = []) => this.#query(sql, params) };

  constructor(url: string) {
    // Same library and defaults as the app's adapter (WAL is a property of the migrated file).
    this.#conn = new Database(sqliteFilePath(url), { timeout: 5_000 });
  }

  #query(sql: string, params: readonly Param[]): Row[] {
    let cached = this.#statements.get(sql);
    if (!cached) {
      const converted = toSqlite(sql);
      cached = { stmt: this.#conn.prepare(converted.sql), indices: converted.indices };
      this.#statements.set(sql, cached);
    }
    const args = cached.indices.map((i) => {
      if (i < 0 || i >= params.length) throw new Error(`SQL refers to $${i + 1} but ${params.length} parameter(s) were given: ${sql}`);
      return sqliteValue(params[i]!);
    });
    if (cached.stmt.reader) return cached.stmt.all(...args) as Row[];
    cached.stmt.run(...args);
    return [];
  }

  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    return this.#mutex.run(async () => {
      this.#conn.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(this.#tx);
        this.#conn.exec("COMMIT");
        return result;
      } catch (e) {
        if (this.#conn.inTransaction) this.#conn.exec("ROLLBACK");
        throw e;
      }
    });
  }

  async serverVersion(): Promise<string> {
    return (this.#conn.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
  }

  async close(): Promise<void> {
    this.#conn.close();
  }
}

export class PostgresDriver implements SqlDriver {
  readonly engine = "postgresql" as const;
  readonly #pool: pg.Pool;
  readonly #names = new Map<string, string>();

  /** `connections`: the pool size, i.e. how many transactions may run at once. */
  constructor(url: string, connections: number) {
    this.#pool = new pg.Pool({ connectionString: url, max: connections });
    this.#pool.on("error", () => {}); // an idle client dying is reported by the next query instead
  }

  async transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    const tx: SqlTx = {
      query: async (sql, params = []) => {
        const name = this.#statementName(sql);
        return (await client.query({ name, text: sql, values: params.map(pgValue) })).rows as Row[];
      },
    };
    try {
      await client.query("BEGIN");
      const result = await fn(tx);
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  /** Named statements are prepared once per connection and reused. */
  #statementName(sql: string): string {
    let name = this.#names.get(sql);
    if (!name) {
      name = `bench_${createHash("sha1").update(sql).digest("hex").slice(0, 16)}`;
      this.#names.set(sql, name);
    }
    return name;
  }

  async serverVersion(): Promise<string> {
    const { rows } = await this.#pool.query<{ server_version: string }>("SHOW server_version");
    return rows[0]?.server_version.split(" ")[0] ?? "unknown";
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
