/**
 * Prisma's better-sqlite3 adapter prepares every statement anew (`client.prepare(sql).bind(args)`),
 * and preparing costs more than running a small statement. The SQL text of Prisma's queries repeats
 * (values are bound), so this keeps each prepared statement and binds the values at run time
 * instead: `prepare` returns a light handle whose `bind` remembers the values and whose
 * `run` / `raw().all()` pass them to the cached statement. Statements run synchronously to
 * completion, so one cached statement is never used by two callers at once.
 */

/** The part of better-sqlite3's Statement the adapter uses. */
interface Statement {
  readonly reader: boolean;
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  raw(toggle?: boolean): Statement;
  columns(): unknown[];
}

interface PreparingClient {
  prepare(sql: string): unknown;
}

interface BoundStatement {
  readonly reader: boolean;
  run(): unknown;
  columns(): unknown[];
  raw(): { all(): unknown[] };
}

function handle(statement: Statement) {
  const bound = (params: unknown[]): BoundStatement => ({
    reader: statement.reader,
    run: () => statement.run(params),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(params) }),
  });
  return { reader: statement.reader, bind: (params: unknown[]) => bound(params), run: () => statement.run() };
}

/** Makes `client.prepare` reuse statements by SQL text (least recently prepared dropped beyond `max`). */
export function cachePreparedStatements(client: PreparingClient, max = 1000): void {
  const prepare = client.prepare.bind(client) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  client.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, statement);
    return handle(statement);
  };
}
