import { describe, expect, it } from "vitest";
import { PERMISSIONS, SCOPES, approverLevelRank, can, parseScopes, type Role, type Scope } from "./permissions.ts";

const actor = (roles: Role[], scopes: "*" | Scope[] = "*") => ({ roles: new Set(roles), scopes: scopes === "*" ? ("*" as const) : new Set(scopes) });

describe("permission table", () => {
  it("every permission names known roles and a known scope", () => {
    for (const [name, p] of Object.entries(PERMISSIONS)) {
      expect(p.roles.length, name).toBeGreaterThan(0);
      if (p.scope !== null) expect(SCOPES, name).toContain(p.scope);
    }
  });

  it("needs both the role and, for API keys, the scope", () => {
    expect(can(actor(["SELLER"]), "order.fulfil")).toBe(true);
    expect(can(actor(["SELLER"], ["orders:read"]), "order.fulfil")).toBe(false);
    expect(can(actor(["SELLER"], ["fulfillment:write"]), "order.fulfil")).toBe(true);
    expect(can(actor(["BUYER"]), "order.fulfil")).toBe(false);
    expect(can(actor(["BUYER"], "*"), "order.read")).toBe(true);
    expect(can(actor(["APPROVER"]), "inventory.adjust")).toBe(false);
    expect(can(actor([]), "order.read")).toBe(false);
  });

  it("points.read accepts orders:read or points:write; points.write only points:write", () => {
    expect(can(actor(["OPS"], ["orders:read"]), "points.read")).toBe(true);
    expect(can(actor(["OPS"], ["points:write"]), "points.read")).toBe(true);
    expect(can(actor(["OPS"], ["cancellations:write"]), "points.read")).toBe(false);
    expect(can(actor(["OPS"], ["orders:read"]), "points.write")).toBe(false);
    expect(can(actor(["OPS"], ["points:write"]), "points.write")).toBe(true);
    expect(can(actor(["BUYER"]), "points.write")).toBe(false);
    expect(can(actor(["SELLER"]), "points.read")).toBe(false);
  });

  it("parses scope lists strictly", () => {
    expect(parseScopes("*")).toBe("*");
    expect(parseScopes("orders:read, fulfillment:write")).toEqual(new Set(["orders:read", "fulfillment:write"]));
    expect(() => parseScopes("orders:read,orders:delete")).toThrow(/Unknown scope/);
    expect(() => parseScopes(" , ")).toThrow(/At least one/);
  });

  it("ranks approver levels SUPERVISOR < MANAGER < DIRECTOR < VP, none lowest", () => {
    expect([null, "SUPERVISOR", "MANAGER", "DIRECTOR", "VP"].map((l) => approverLevelRank(l as never))).toEqual([0, 1, 2, 3, 4]);
  });
});
