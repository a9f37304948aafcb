import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { baseUrl, call, databaseUrl } from "./client.ts";

describe("OpenAPI document, API reference and the apikey CLI", () => {
  it("serves an OpenAPI 3.1 document covering every contract path with component schemas", async () => {
    const res = await fetch(`${baseUrl()}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    for (const [path, method] of [
      ["/orders", "post"],
      ["/orders", "get"],
      ["/orders/{orderId}", "get"],
      ["/orders/{orderId}/history", "get"],
      ["/orders/{orderId}/fulfillment-events", "post"],
      ["/inventory/adjustments", "post"],
      ["/inventory", "get"],
    ]) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const intake = doc.paths["/orders"].post;
    expect(intake.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/IntakeOrder");
    const schema = doc.components.schemas.IntakeOrder;
    expect(schema.required).toEqual(expect.arrayContaining(["buyerEmail", "currency", "lines", "payments"]));
    expect(schema.properties.lines.items.properties.quantity).toMatchObject({ type: "integer", exclusiveMinimum: 0 });
    expect(intake.parameters.map((p: any) => p.name)).toContain("Idempotency-Key");
  });

  it("renders a readable API reference page", async () => {
    const res = await fetch(`${baseUrl()}/docs/api`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("/orders/{orderId}/fulfillment-events");
    expect(html).toContain("Idempotency-Key");
    // The outbox event catalog, one entry per type with its version and an example payload.
    expect(html).toContain('id="events"');
    expect(html).toContain('id="event-OrderCancellationRequested"');
    expect(html).toContain("cancellationRequestId");
  });

  it("npm run apikey -- create prints a working key alone on the last line", async () => {
    const out = execFileSync("npm", ["run", "--silent", "apikey", "--", "create", "--user", "ops@demo.test", "--scopes", "orders:read", "--name", "cli test"], {
      env: { ...process.env, DATABASE_URL: databaseUrl() },
      encoding: "utf8",
    });
    const key = out.trim().split("\n").pop()!.trim();
    expect(key).toMatch(/^cm_[A-Za-z0-9_-]{20,}$/);
    const res = await call("GET", "/orders?limit=1", { key });
    expect(res.status).toBe(200);
    const forbidden = await call("POST", "/inventory/adjustments", { key, body: { sku: "SKU-MUG", locationCode: "DC-EAST", quantity: 1 } });
    expect(forbidden.status).toBe(403);
    expect(() =>
      execFileSync("npm", ["run", "--silent", "apikey", "--", "create", "--user", "ops@demo.test", "--scopes", "orders:nope"], {
        env: { ...process.env, DATABASE_URL: databaseUrl() },
        encoding: "utf8",
        stdio: "pipe",
      }),
    ).toThrow(/Unknown scope/);
  });
  it("npm run apikey -- revoke revokes a key at once; an unknown id fails with a message", async () => {
    const cli = (args: string[]) =>
      execFileSync("npm", ["run", "--silent", "apikey", "--", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl() }, encoding: "utf8", stdio: "pipe" });
    const out = cli(["create", "--user", "ops@demo.test", "--scopes", "orders:read", "--name", "cli revoke test"]);
    const key = out.trim().split("\n").pop()!.trim();
    const id = /Created API key (\S+) /.exec(out)![1]!;
    expect((await call("GET", "/orders?limit=1", { key })).status).toBe(200);
    expect(cli(["revoke", "--id", id])).toContain(`Revoked API key ${id}`);
    expect((await call("GET", "/orders?limit=1", { key })).status).toBe(401);
    expect(() => cli(["revoke", "--id", "no-such-key"])).toThrow(/API key not found/);
  });
});
