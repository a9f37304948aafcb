// Statements and transactions per one-unit cancel, counted from the server's own SQL log
// (LOG_SQL=true: Prisma prints every statement as `prisma:query …` on stdout, which
// tests/support/app-server.ts writes to .tmp/app-server/server-<port>.log). Transactions are
// counted by their COMMIT/ROLLBACK lines (the adapters log those, not BEGIN).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../tests/support/app-server.ts";
import { ApiCallError, type ApiClient } from "./api.ts";
import { cancelOne, fulfil, stockUp, takeIn, type BenchOrder } from "./workload.ts";

export interface SqlCount {
  cancels: number;
  /** Every logged statement but COMMIT/ROLLBACK. */
  statements: number;
  transactions: number;
  /** Statements by first keyword (SELECT, INSERT, UPDATE, …), COMMIT included. */
  byKeyword: Record<string, number>;
  /** INSERT/UPDATE/DELETE statements by table. */
  writesByTable: Record<string, number>;
  /** Statements logged in an idle window as long as the counted one, just before it (should be 0). */
  idleStatements: number;
}

const MARKER = /^prisma:query /m;
const WRITE = /^(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:[`"]?\w+[`"]?\.)?[`"]?(\w+)[`"]?/i;

/** The statements of a stretch of server log. */
export function statementsIn(log: string): string[] {
  return log
    .split(MARKER)
    .slice(1)
    .map((chunk) => chunk.replace(/\n(?![ \t])[\s\S]*$/, "").trim());
}

export function tally(statements: string[], cancels: number, idleStatements: number): SqlCount {
  const byKeyword: Record<string, number> = {};
  const writesByTable: Record<string, number> = {};
  let transactions = 0;
  for (const sql of statements) {
    const keyword = (/^\w+/.exec(sql)?.[0] ?? "?").toUpperCase();
    byKeyword[keyword] = (byKeyword[keyword] ?? 0) + 1;
    if (keyword === "COMMIT" || keyword === "ROLLBACK") transactions++;
    const table = WRITE.exec(sql)?.[1];
    if (table) writesByTable[table] = (writesByTable[table] ?? 0) + 1;
  }
  return { cancels, statements: statements.length - transactions, transactions, byKeyword, writesByTable, idleStatements };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the log file stops growing (the server may still be finishing work after answering). */
async function settledSize(file: string): Promise<number> {
  let size = statSync(file).size;
  for (let i = 0; i < 40; i++) {
    await sleep(250);
    const now = statSync(file).size;
    if (now === size) return now;
    size = now;
  }
  return size;
}

const readFrom = (file: string, start: number, end: number) => readFileSync(file).subarray(start, end).toString("utf8");

/**
 * On a server started with LOG_SQL=true: `cancels` fresh allocated orders (plus a few warm-up
 * cancels, not counted), an idle window, then one sequential one-unit cancel on each.
 */
export async function countSqlPerCancel(api: ApiClient, port: number, sku: string, cancels: number): Promise<SqlCount> {
  const file = path.join(REPO_ROOT, ".tmp", "app-server", `server-${port}.log`);
  const orders: BenchOrder[] = [];
  for (let i = 0; i < cancels + 3; i++) orders.push(await takeIn(api, sku, 20_000 + i));
  await stockUp(api, sku, 10 * orders.length);
  for (const order of orders) await fulfil(api, order, "ALLOCATE", 10);
  const run = async (order: BenchOrder) => {
    const result = await cancelOne(api, order);
    if (result.outcome !== "ok") throw new ApiCallError(`one-unit cancel on the LOG_SQL server failed: ${result.error}`);
  };
  for (const order of orders.slice(cancels)) await run(order);
  const idleStart = await settledSize(file);
  const started = Date.now();
  for (const order of orders.slice(0, cancels)) await run(order);
  const elapsed = Date.now() - started;
  const countStart = await settledSize(file);
  // The idle window: as long as the counted run took, measured after it ended.
  await sleep(elapsed);
  const idleEnd = statSync(file).size;
  const counted = statementsIn(readFrom(file, idleStart, countStart));
  const idle = statementsIn(readFrom(file, countStart, idleEnd)).length;
  return tally(counted, cancels, idle);
}
