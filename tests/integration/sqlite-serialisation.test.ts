// better-sqlite3 gives a process one connection. A plain statement issued while another request's
// transaction is open must neither see that transaction's uncommitted rows nor join it (and vanish
// with its rollback). lib/platform/db/serial-sqlite-adapter.ts makes it wait for the transaction instead.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase("sqlite");
});
afterAll(async () => {
  await t?.drop();
});

it("standalone statements wait for an open transaction: no dirty read, no write lost to its rollback", async () => {
  let inside!: () => void;
  const txOpen = new Promise<void>((resolve) => (inside = resolve));
  const failing = t.db
    .$transaction(async (tx) => {
      await tx.counter.create({ data: { name: "in-tx", value: 1 } });
      inside();
      await new Promise((r) => setTimeout(r, 100));
      await tx.counter.findMany();
      throw new Error("roll back");
    })
    .catch((e: Error) => e.message);
  await txOpen;
  // Prisma queries are lazy: .then() sends them now, while the transaction is still open.
  const dirty = t.db.counter.findUnique({ where: { name: "in-tx" } }).then((row) => row);
  const standalone = t.db.counter.create({ data: { name: "standalone", value: 1 } }).then((row) => row);
  expect(await failing).toBe("roll back");
  expect(await dirty).toBeNull();
  await standalone;
  expect((await t.db.counter.findMany()).map((c) => c.name)).toEqual(["standalone"]);
});
