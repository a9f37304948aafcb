import { describe, expect, it } from "vitest";
import { mayEnter, roleAreaOf } from "./role-areas.ts";

describe("role areas", () => {
  it("maps page paths to their area by whole segments", () => {
    expect(roleAreaOf("/seller/orders")).toBe("seller");
    expect(roleAreaOf("/seller")).toBe("seller");
    expect(roleAreaOf("/orders/abc/cancel")).toBe("buyer");
    expect(roleAreaOf("/points")).toBe("buyer");
    expect(roleAreaOf("/approvals/o/r")).toBe("approver");
    expect(roleAreaOf("/ops/fallout")).toBe("ops");
    expect(roleAreaOf("/sellers")).toBeNull();
    expect(roleAreaOf("/api/v1/orders")).toBeNull();
    expect(roleAreaOf("/login")).toBeNull();
    expect(roleAreaOf("/")).toBeNull();
  });

  it("lets in only the area's roles", () => {
    expect(mayEnter("seller", new Set(["BUYER"]))).toBe(false);
    expect(mayEnter("seller", new Set(["OPS"]))).toBe(true);
    expect(mayEnter("buyer", new Set(["SELLER", "APPROVER", "OPS"]))).toBe(false);
    expect(mayEnter("approver", new Set(["APPROVER"]))).toBe(true);
    expect(mayEnter("ops", new Set())).toBe(false);
  });
});
