import { readdirSync, readFileSync } from "node:fs";
import { COMMAND_KINDS } from "../../amendments/domain/change-command.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EVENT_AGGREGATES, EVENT_CATALOG, EVENT_DEFINITIONS, eventDefinition, storedExample, storedPayloadSchema } from "./events.ts";

describe("event catalog", () => {
  it("has one definition per type, each with a positive version, a known aggregate and a description", () => {
    const types = EVENT_DEFINITIONS.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    expect(Object.keys(EVENT_CATALOG).sort()).toEqual([...types].sort());
    for (const def of EVENT_DEFINITIONS) {
      expect(Number.isInteger(def.version) && def.version >= 1, def.type).toBe(true);
      expect(EVENT_AGGREGATES, def.type).toContain(def.aggregate);
      expect(def.description.length, def.type).toBeGreaterThan(20);
      expect(def.type, def.type).toMatch(/^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/);
    }
  });

  it.each(EVENT_DEFINITIONS.map((d) => [d.type, d] as const))("%s: the example parses, alone and as stored with its envelope", (_type, def) => {
    expect(def.payload.safeParse(def.example).error).toBeUndefined();
    const stored = storedExample(def);
    expect(storedPayloadSchema(def).safeParse(stored).error).toBeUndefined();
    expect(stored.eventVersion).toBe(def.version);
    expect(typeof stored.actorId).toBe("string");
    if (def.aggregate === "Order") expect(stored).toMatchObject({ orderId: expect.any(String), orderVersion: expect.any(Number) });
  });

  it.each(EVENT_DEFINITIONS.map((d) => [d.type, d] as const))("%s: a misspelt field or a missing required field is refused", (_type, def) => {
    const schema = storedPayloadSchema(def);
    const stored = storedExample(def);
    expect(schema.safeParse({ ...stored, misspeltField: 1 }).success).toBe(false);
    const required = Object.entries(schema.shape).filter(([, s]) => !(s as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined).success);
    expect(required.length).toBeGreaterThan(2);
    for (const [key] of required) {
      const { [key]: _dropped, ...rest } = stored;
      expect(schema.safeParse(rest).success, `${def.type} without ${key}`).toBe(false);
    }
  });

  it("an order event needs the order envelope; other aggregates do not carry it", () => {
    const order = eventDefinition("OrderNoteAdded")!;
    const { orderId: _o, ...withoutOrder } = storedExample(order);
    expect(storedPayloadSchema(order).safeParse(withoutOrder).success).toBe(false);
    const points = eventDefinition("PointsDeposited")!;
    expect(storedPayloadSchema(points).safeParse({ ...storedExample(points), orderId: "cm9order01" }).success).toBe(false);
  });

  it("knows nothing it does not define", () => {
    expect(eventDefinition("OrderNoteAded")).toBeUndefined();
    expect(eventDefinition("toString")).toBeUndefined();
    expect(eventDefinition("")).toBeUndefined();
  });
});

// Every event type a command writes is a string literal in a file that writes events. Scanning
// those files proves the catalog covers them all (and lists nothing no command writes).
describe("event catalog coverage of lib/", () => {
  const LIB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
  const WRITES_EVENTS = /\b(appendEvents|recordOrderCommand|domainEvent)\(/;
  // PascalCase names of several words, quoted: how event types (and a few other names) are spelt.
  const NAME_LITERAL = /(["'`])([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)\1/g;
  // Other names that appear in those files: outbox aggregates, the cause types of ledger rows and the amendment commands.
  const NOT_EVENTS = new Set<string>([...EVENT_AGGREGATES, "CancellationRequest", "FulfillmentEvent", "AllocationExpiry", "InventoryAdjustment", ...COMMAND_KINDS]);

  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return full.endsWith(path.join("db", "generated")) ? [] : sources(full);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
    });
  }

  const writers = sources(LIB).filter((f) => {
    const rel = path.relative(LIB, f);
    // The writer and the catalog themselves define no events.
    return rel !== path.join("modules", "audit", "server", "audit.ts") && rel !== path.join("modules", "audit", "contracts", "events.ts") && WRITES_EVENTS.test(readFileSync(f, "utf8"));
  });
  const written = new Map<string, string[]>();
  for (const file of writers) {
    for (const m of readFileSync(file, "utf8").matchAll(NAME_LITERAL)) {
      if (NOT_EVENTS.has(m[2]!)) continue;
      written.set(m[2]!, [...(written.get(m[2]!) ?? []), path.relative(LIB, file)]);
    }
  }

  it("finds the files that write events", () => {
    expect(writers.length).toBeGreaterThanOrEqual(15);
    expect(writers.map((f) => path.relative(LIB, f))).toEqual(expect.arrayContaining([path.join("modules", "orders", "server", "intake-order.ts"), path.join("modules", "cancellations", "server", "cancellation-cause.ts")]));
  });

  it("every event type written in lib/ is catalogued", () => {
    const uncatalogued = [...written.entries()].filter(([type]) => !eventDefinition(type)).map(([type, files]) => `${type} (${files.join(", ")})`);
    expect(uncatalogued).toEqual([]);
  });

  it("every catalogued type is written somewhere", () => {
    const unwritten = EVENT_DEFINITIONS.map((d) => d.type).filter((t) => !written.has(t));
    expect(unwritten).toEqual([]);
  });
});
