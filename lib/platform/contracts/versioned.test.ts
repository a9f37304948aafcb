import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvariantViolation, isDomainError, isInvariantViolation } from "../errors.ts";
import { versionedDocument } from "./versioned.ts";

const Note = z.object({ text: z.string(), pages: z.number().int(), tag: z.string().optional() });
const note = versionedDocument({ kind: "test note", version: 1, schema: Note });

/** Version 3 of the note: v1 `title` became `text` (v2), v2 `pageCount` became `pages` (v3). */
const noteV3 = versionedDocument({
  kind: "test note",
  version: 3,
  schema: Note,
  upgrade: {
    1: ({ title, ...rest }) => ({ ...rest, text: title, pageCount: rest.pageCount ?? 1 }),
    2: ({ pageCount, ...rest }) => ({ ...rest, pages: pageCount }),
  },
});

/** The InvariantViolation `fn` throws (fails the test when it throws nothing or something else). */
function violation(fn: () => unknown): InvariantViolation {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvariantViolation) return e;
    throw e;
  }
  throw new Error("expected an InvariantViolation");
}

describe("versionedDocument", () => {
  it("stores the fields with their version and parses them back", () => {
    const stored = note.store({ text: "hello", pages: 2 });
    expect(stored).toEqual({ v: 1, text: "hello", pages: 2 });
    expect(note.parse(stored)).toEqual({ text: "hello", pages: 2 });
    expect(noteV3.store({ text: "x", pages: 1 }).v).toBe(3);
  });

  it("stores plain JSON: undefined fields are left out, unknown ones dropped", () => {
    const stored = note.store({ text: "a", pages: 1, tag: undefined, extra: true } as z.infer<typeof Note>);
    expect(stored).toStrictEqual({ text: "a", pages: 1, v: 1 });
    expect(JSON.parse(JSON.stringify(stored))).toStrictEqual(stored);
  });

  it("refuses to store a value its schema rejects", () => {
    const e = violation(() => note.store({ text: "a", pages: 1.5 }));
    expect(e.subject).toBe("test note");
    expect(e.message).toMatch(/test note.*cannot be stored.*pages/s);
  });

  it("reads a document stored without a version as version 1", () => {
    expect(note.parse({ text: "old", pages: 4 })).toEqual({ text: "old", pages: 4 });
    expect(noteV3.parse({ title: "old" })).toEqual({ text: "old", pages: 1 });
  });

  it("upgrades a stored document step by step from its version to the current one", () => {
    expect(noteV3.parse({ v: 1, title: "one", pageCount: 7 })).toEqual({ text: "one", pages: 7 });
    expect(noteV3.parse({ v: 2, text: "two", pageCount: 3 })).toEqual({ text: "two", pages: 3 });
    // At the current version nothing is upgraded: a v1 field name is an error, not renamed.
    expect(noteV3.parse({ v: 3, text: "three", pages: 5 })).toEqual({ text: "three", pages: 5 });
    expect(() => noteV3.parse({ v: 3, title: "three", pages: 5 })).toThrow(InvariantViolation);
  });

  it("names the kind, the row and the field when stored JSON does not match", () => {
    const e = violation(() => note.parse({ v: 1, text: "x", pages: "two" }, "cancellation CX-000001"));
    expect(e.subject).toBe("test note");
    expect(e.message).toMatch(/^Stored test note of cancellation CX-000001 does not match version 1: .*pages/s);
    expect(violation(() => noteV3.parse({ v: 1, pageCount: 2 })).message).toMatch(/upgraded from version 1.*text/s);
  });

  it.each([
    [null, /is not a JSON object \(null\)/],
    [[1, 2], /is not a JSON object \(an array\)/],
    ["text", /is not a JSON object \(string\)/],
    [{ v: 0, text: "x", pages: 1 }, /version 0, which is not a version number/],
    [{ v: "1", text: "x", pages: 1 }, /version "1", which is not a version number/],
    [{ v: 1.5, text: "x", pages: 1 }, /version 1.5, which is not a version number/],
    [{ v: null, text: "x", pages: 1 }, /version null, which is not a version number/],
    [{ v: 2, text: "x", pages: 1 }, /version 2, newer than version 1 read here/],
  ])("refuses %j", (json, message) => {
    expect(violation(() => note.parse(json, "row 1")).message).toMatch(message);
  });

  it("reports an upgrade that throws as the stored document's fault", () => {
    const broken = versionedDocument({
      kind: "test note",
      version: 2,
      schema: Note,
      upgrade: { 1: () => { throw new Error("no title"); } },
    });
    expect(violation(() => broken.parse({ text: "x" }, "row 9")).message).toBe("Stored test note of row 9 could not be upgraded from version 1: no title");
  });

  it("is an invariant violation, not a domain error a user could fix", () => {
    const e = violation(() => note.parse(null));
    expect(isInvariantViolation(e)).toBe(true);
    expect(isDomainError(e)).toBe(false);
    expect(e.name).toBe("InvariantViolation");
  });

  it("refuses a definition it could not read every version of", () => {
    expect(() => versionedDocument({ kind: "k", version: 0, schema: Note })).toThrow(/positive integer/);
    expect(() => versionedDocument({ kind: "k", version: 2, schema: Note })).toThrow(/no upgrade from version 1 to 2/);
    expect(() => versionedDocument({ kind: "k", version: 1, schema: Note, upgrade: { 1: (f) => f } })).toThrow(/lead past version 1/);
    expect(() => versionedDocument({ kind: "k", version: 1, schema: z.object({ v: z.number() }) })).toThrow(/field named v/);
  });
});
