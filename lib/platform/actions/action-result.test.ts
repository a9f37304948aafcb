import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError } from "../errors.ts";
import { GENERIC_ERROR, failureFrom, fieldErrorsFrom, formNumber, formText, zodFailure } from "./action-result.ts";

afterEach(() => vi.restoreAllMocks());

describe("failureFrom", () => {
  it("explains a stale version without leaking numbers or internals", () => {
    const r = failureFrom(new DomainError("VERSION_MISMATCH", "The order changed: you sent version 3, it is now 4"), "test");
    expect(r).toMatchObject({ ok: false, code: "VERSION_MISMATCH" });
    expect(r.ok || r.message).toMatch(/Reload the page/);
  });

  it("passes on the command's precise quantity and inventory explanations", () => {
    const q = failureFrom(new DomainError("INSUFFICIENT_QUANTITY", "Line 1 (SKU-MUG) has 3 unit(s) open; cannot mark 5 allocated"), "test");
    expect(q.ok || q.message).toBe("Not enough units for this step. Line 1 (SKU-MUG) has 3 unit(s) open; cannot mark 5 allocated.");
    const i = failureFrom(new DomainError("INSUFFICIENT_INVENTORY", "Not enough free inventory of SKU-MUG to allocate 5 (available 2)"), "test");
    expect(i.ok || i.message).toMatch(/^Not enough stock\. /);
  });

  it("maps validation details to form fields", () => {
    const r = failureFrom(
      new DomainError("VALIDATION_FAILED", "bad", { errors: [{ path: "lines[0].quantity", message: "must be at least 1" }] }),
      "test",
    );
    expect(r.ok ? null : r.fieldErrors).toEqual({ quantity: "must be at least 1" });
  });

  it("lets a page reword a code, or pass the command's own message through", () => {
    const gone = failureFrom(new DomainError("NOT_FOUND", "Compensation task not found"), "test", undefined, { NOT_FOUND: "This task is no longer available to you." });
    expect(gone).toMatchObject({ code: "NOT_FOUND", message: "This task is no longer available to you." });
    const forbidden = failureFrom(new DomainError("FORBIDDEN", "This request needs MANAGER approval; your level is SUPERVISOR"), "test", undefined, { FORBIDDEN: true });
    expect(forbidden.message).toBe("This request needs MANAGER approval; your level is SUPERVISOR");
    // Codes without an override keep the default wording.
    expect(failureFrom(new DomainError("FORBIDDEN", "x"), "test", undefined, { NOT_FOUND: true }).message).toBe("Your role does not allow this action.");
  });

  it("never shows the message of an unexpected error", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const r = failureFrom(new Error("SQLITE_BUSY: database is locked at /srv/secret.db"), "test");
    expect(r).toEqual({ ok: false, code: "INTERNAL", message: GENERIC_ERROR, fieldErrors: {} });
  });
});

describe("form helpers", () => {
  it("reads text and numbers from FormData, empty as undefined", () => {
    const f = new FormData();
    f.set("a", "  hi ");
    f.set("empty", "   ");
    f.set("n", "5");
    f.set("x", "five");
    expect(formText(f, "a")).toBe("hi");
    expect(formText(f, "empty")).toBeUndefined();
    expect(formText(f, "missing")).toBeUndefined();
    expect(formNumber(f, "n")).toBe(5);
    expect(formNumber(f, "x")).toBe("five");
  });

  it("turns zod issues into one message per field", () => {
    const parsed = z.object({ lines: z.array(z.object({ quantity: z.number().min(1, "too small") })) }).safeParse({ lines: [{ quantity: 0 }] });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(zodFailure(parsed.error)).toMatchObject({ ok: false, fieldErrors: { quantity: "too small" } });
    expect(fieldErrorsFrom([{ path: "body", message: "a" }, { path: "body", message: "b" }])).toEqual({ body: "a" });
  });

  it("hands zod paths to a page's field mapping in the API's notation, as domain errors are", () => {
    const parsed = z.object({ scope: z.object({ lines: z.array(z.object({ quantity: z.number().min(1, "too small") })) }) }).safeParse({ scope: { lines: [{ quantity: 1 }, { quantity: 0 }] } });
    const seen: string[] = [];
    if (!parsed.success) zodFailure(parsed.error, (path) => (seen.push(path), "x"));
    expect(seen).toEqual(["scope.lines[1].quantity"]);
  });
});
