import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cachePreparedStatements } from "./statement-cache.ts";

type Handle = { reader: boolean; bind(params: unknown[]): { reader: boolean; run(): { changes: number }; columns(): { name: string }[]; raw(): { all(): unknown[][] } }; run(): unknown };

describe("prepared statement cache", () => {
  it("prepares each SQL text once and binds the values of each call", () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
    let prepared = 0;
    const original = db.prepare.bind(db);
    (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => (prepared++, original(sql));
    cachePreparedStatements(db as unknown as { prepare(sql: string): unknown });
    const prepare = (sql: string) => (db as unknown as { prepare(sql: string): Handle }).prepare(sql);

    for (const [id, v] of [[1, "a"], [2, "b"], [3, "c"]] as const) expect(prepare("INSERT INTO t (id, v) VALUES (?, ?)").bind([id, v]).run().changes).toBe(1);
    const select = (id: number) => prepare("SELECT id, v FROM t WHERE id = ?").bind([id]);
    expect(select(2).reader).toBe(true);
    expect(select(2).columns().map((c) => c.name)).toEqual(["id", "v"]);
    expect(select(2).raw().all()).toEqual([[2, "b"]]);
    expect(select(3).raw().all()).toEqual([[3, "c"]]);
    expect(prepared).toBe(2);
  });

  it("drops the least recently used statement beyond its size", () => {
    const db = new Database(":memory:");
    cachePreparedStatements(db as unknown as { prepare(sql: string): unknown }, 2);
    const prepare = (sql: string) => (db as unknown as { prepare(sql: string): Handle }).prepare(sql);
    for (const n of [1, 2, 3, 1]) expect(prepare(`SELECT ${n} AS n`).bind([]).raw().all()).toEqual([[n]]);
  });
});
