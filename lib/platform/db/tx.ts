import type { Db, Tx } from "./client.ts";
import { isDomainError } from "../errors.ts";

/**
 * Thrown inside a transaction when a compare-and-set lost to a concurrent writer and the caller
 * did not pin a version: the whole command is re-run on fresh data instead of failing.
 */
export class WriteContention extends Error {
  constructor(what: string) {
    super(`write contention on ${what}`);
    this.name = "WriteContention";
  }
}

function isRetryable(e: unknown): boolean {
  if (e instanceof WriteContention) return true;
  if (isDomainError(e)) return false;
  const err = e as { code?: string; message?: string; cause?: unknown; meta?: { code?: string } };
  const code = err?.code ?? "";
  // P2034 write conflict/deadlock, P2028 transaction could not start in time, P1008 SQLite busy
  // (another process holds the write lock), P2002 a unique race (e.g. two intakes creating the
  // same new SKU; the re-run finds the row and decides properly).
  if (["P2034", "P2028", "P1008", "P2002", "40001", "40P01", "SQLITE_BUSY"].includes(code)) return true;
  const text = `${err?.message ?? ""} ${String(err?.cause ?? "")}`;
  return /SQLITE_BUSY|database is locked|deadlock detected|could not serialize|Transaction already closed|Unable to start a transaction/i.test(text);
}

export interface TransactionOptions {
  attempts?: number;
}

/** Runs `fn` in one interactive transaction, re-running it on write contention with backoff. */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 25;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => fn(tx as Tx));
    } catch (e) {
      if (attempt >= attempts || !isRetryable(e)) throw e;
      const backoff = Math.min(200, 2 ** Math.min(attempt, 7)) * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, backoff));
    }
  }
}
