import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client.ts";
import { databaseEngine, env, sqliteFilePath } from "../config/env.ts";
import { SerialSqliteAdapterFactory } from "./serial-sqlite-adapter.ts";

export type { Prisma } from "./generated/sqlite/client.ts";

/**
 * Both engines are generated from the same models, so their clients have the same shape; the
 * application is typed against one of them.
 */
export type Db = SqliteClient;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

export function createDb(url: string = env().DATABASE_URL): Db {
  const log = env().LOG_SQL ? (["query", "warn", "error"] as const) : (["warn", "error"] as const);
  if (databaseEngine(url) === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    // `timeout` is SQLite's busy timeout: another process holding the write lock is waited for.
    // Transactions within this process are already serialised by the adapter; a lock upgrade that
    // loses to another process fails fast and is re-run by inTransaction (lib/platform/db/tx.ts).
    const adapter = new SerialSqliteAdapterFactory(new PrismaBetterSQLite3({ url: file, timeout: 5_000 }), env().SQLITE_SYNCHRONOUS);
    return new SqliteClient({ adapter, log: [...log], transactionOptions: TRANSACTION_OPTIONS });
  }
  const adapter = new PrismaPg({ connectionString: url, max: env().DB_POOL_SIZE });
  return new PostgresClient({ adapter, log: [...log], transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { countermandDb?: Db };

/** The process-wide client for DATABASE_URL (kept across hot reloads in development). */
export function db(): Db {
  globalForDb.countermandDb ??= createDb();
  return globalForDb.countermandDb;
}
