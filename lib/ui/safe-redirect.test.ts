import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect.ts";

describe("safeCallbackPath", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/seller/orders?status=OPEN")).toBe("/seller/orders?status=OPEN");
    expect(safeCallbackPath("http://127.0.0.1:3000/orders/abc")).toBe("/orders/abc");
  });

  it("refuses other origins, protocol-relative paths and loops back to the login page", () => {
    for (const bad of ["//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/login?x=1", "", undefined, ["/a"]]) {
      expect(safeCallbackPath(bad)).toBe("/");
    }
  });
});
