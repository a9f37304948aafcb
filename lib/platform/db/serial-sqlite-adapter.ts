import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { cachePreparedStatements } from "./statement-cache.ts";

/** A FIFO lock: one holder at a time, waiters served in order. */
class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => {
      let released = false;
      return () => {
        if (!released) {
          released = true;
          release();
        }
      };
    });
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

function wrapTransaction(tx: Transaction, release: () => void): Transaction {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q: SqlQuery) => tx.queryRaw(q),
    executeRaw: (q: SqlQuery) => tx.executeRaw(q),
    commit: async () => {
      try {
        await tx.commit();
      } finally {
        release();
      }
    },
    rollback: async () => {
      try {
        await tx.rollback();
      } finally {
        release();
      }
    },
  };
}

/**
 * better-sqlite3 runs every query of a process on one connection. Prisma's adapter serialises
 * interactive transactions but not the statements issued outside them, so a plain write made while
 * another request's transaction is open would join — and roll back with — that transaction. This
 * wrapper makes each standalone statement wait for the connection like a transaction does.
 */
function serialise(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q) => lock.run(() => adapter.queryRaw(q)),
    executeRaw: (q) => lock.run(() => adapter.executeRaw(q)),
    executeScript: (script) => lock.run(() => adapter.executeScript(script)),
    startTransaction: async (isolationLevel?: IsolationLevel) => {
      const release = await lock.acquire();
      try {
        return wrapTransaction(await adapter.startTransaction(isolationLevel), release);
      } catch (e) {
        release();
        throw e;
      }
    },
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => adapter.dispose(),
  };
}

export class SerialSqliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  constructor(
    private readonly inner: SqlMigrationAwareDriverAdapterFactory,
    /** SQLite's `synchronous` setting for this connection (WAL: FULL syncs every commit, NORMAL only at checkpoints). */
    private readonly synchronous: "FULL" | "NORMAL" = "FULL",
  ) {
    this.adapterName = inner.adapterName;
  }
  async connect() {
    const adapter = await this.inner.connect();
    // The better-sqlite3 adapter keeps its Database as `client`.
    const client = (adapter as { client?: { prepare?: unknown; pragma?: unknown } }).client;
    if (client && typeof client.pragma === "function") (client as { pragma(p: string): unknown }).pragma(`synchronous = ${this.synchronous}`);
    if (client && typeof client.prepare === "function") cachePreparedStatements(client as { prepare(sql: string): unknown });
    return serialise(adapter);
  }
  async connectToShadowDb() {
    return serialise(await this.inner.connectToShadowDb());
  }
}
