// The rate limit holds across app instances: two production servers on one PostgreSQL database
// count one key's requests in the same rate_limits row, so the limit is the key's, not each instance's.
// Without PostgreSQL this file prints a SKIPPED line (and fails in CI).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, startAppServer, type AppServer } from "../support/app-server.ts";
import { createEmptyDatabase } from "../support/test-db.ts";
import { requirePostgresOrSkip } from "../support/postgres-url.ts";

const hasPostgres = requirePostgresOrSkip("rate limit shared by two app instances") !== null;

describe.skipIf(!hasPostgres)("rate limit across two app instances on one PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  const servers: AppServer[] = [];
  beforeAll(async () => {
    database = await createEmptyDatabase("postgresql");
    const env = { LOG_LEVEL: "warn", JOB_RUNNER: "off" };
    // The first start migrates and loads demo data; the second finds both done.
    servers.push(await startAppServer({ databaseUrl: database.url, env }));
    servers.push(await startAppServer({ databaseUrl: database.url, env }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.remove();
  });

  it("lets a key make its limit of requests in total, whichever instance answers, then 429 on both", async () => {
    const key = await createApiKey(database.url, "buyer@demo.test", "orders:read", { rateLimit: 6 });
    const get = (s: AppServer) => fetch(`${s.baseUrl}/api/v1/orders?limit=1`, { headers: { authorization: `Bearer ${key}` } });
    const [a, b] = servers as [AppServer, AppServer];
    const remaining: string[] = [];
    for (const s of [a, b, a, b, a, b]) {
      const res = await get(s);
      expect(res.status).toBe(200);
      remaining.push(res.headers.get("ratelimit-remaining")!);
      await res.arrayBuffer();
    }
    // One count, not one per instance: 5, 4, … 0 across both servers.
    expect(remaining).toEqual(["5", "4", "3", "2", "1", "0"]);
    for (const s of [a, b]) {
      const limited = await get(s);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      const body = await limited.json();
      expect(body).toMatchObject({ code: "RATE_LIMITED", requestId: limited.headers.get("x-request-id") });
    }
  });
});
