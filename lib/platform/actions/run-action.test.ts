import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { DomainError } from "../errors.ts";
import { formNumber, formRawText, formText, GENERIC_ERROR } from "./action-result.ts";
import { pagesShowing } from "./revalidation.ts";
import { FormId, FormVersion, NUL_MESSAGE, redirectTo, refuseForm, runAction, STALE_FORM, type ActionEffects } from "./run-action.ts";

afterEach(() => vi.restoreAllMocks());

const ACTOR: Actor = {
  userId: "u1",
  email: "seller@demo.test",
  name: "Seller",
  roles: new Set(["SELLER"]),
  approverLevel: null,
  storeIds: ["s1"],
  scopes: "*",
  via: "web",
  correlationId: "c1",
};

/** Effects that record what the wrapper asked of Next; redirect throws as Next's does. */
function recorder() {
  const calls = { actor: 0, revalidated: [] as string[], redirectedTo: null as string | null };
  const effects: ActionEffects = {
    actor: async () => {
      calls.actor++;
      return ACTOR;
    },
    revalidate: (path) => void calls.revalidated.push(path),
    redirect: (path) => {
      calls.redirectedTo = path;
      throw new Error("NEXT_REDIRECT");
    },
  };
  return { calls, effects };
}

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

const Step = z.object({ lines: z.array(z.object({ orderLineId: z.string().min(1), quantity: z.number().int().min(1, "must be at least 1") })), note: z.string().trim().max(5).optional() });

/** A one-line form pinned to an order version, like the seller's fulfilment form. */
function stepAction(run: (actor: Actor, input: z.output<typeof Step>, ref: { orderId: string; expectedVersion?: number }) => Promise<{ sku: string }>) {
  return {
    name: "recordStep",
    ref: z.object({ orderId: FormId, expectedVersion: FormVersion.optional() }),
    input: (f: FormData) => ({ lines: [{ orderLineId: formText(f, "orderLineId"), quantity: formNumber(f, "quantity") }], note: formRawText(f, "note") }),
    schema: Step,
    toField: (path: string) => (path.startsWith("lines") ? "quantity" : path),
    messages: { NOT_FOUND: "This order is gone." },
    run,
    revalidate: ({ ref }: { ref: { orderId: string } }) => [`/seller/orders/${ref.orderId}`, "/seller/orders", `/seller/orders/${ref.orderId}`],
    onSuccess: (r: { sku: string }, { input }: { input: z.output<typeof Step> }) => ({ ok: true as const, message: `${input.lines[0]!.quantity} × ${r.sku} done.` }),
  };
}

describe("runAction: form → command → result", () => {
  it("reads the reference and the input, calls the one command with the actor, revalidates each declared page once", async () => {
    const { calls, effects } = recorder();
    const seen: unknown[] = [];
    const def = stepAction(async (actor, input, ref) => (seen.push({ actor: actor.userId, input, ref }), { sku: "SKU-MUG" }));
    const out = await runAction(def, form({ orderId: " o1 ", expectedVersion: "7", orderLineId: "l1", quantity: "2", note: "  ok " }), effects);

    expect(out).toEqual({ ok: true, message: "2 × SKU-MUG done." });
    expect(seen).toEqual([{ actor: "u1", input: { lines: [{ orderLineId: "l1", quantity: 2 }], note: "ok" }, ref: { orderId: "o1", expectedVersion: 7 } }]);
    expect(calls.revalidated).toEqual(["/seller/orders/o1", "/seller/orders"]);
  });

  it("answers { ok: true } when the action declares no result, and runs without input or schema", async () => {
    const { calls, effects } = recorder();
    const out = await runAction(
      { name: "touch", ref: z.object({ caseId: FormId }), run: async () => "done", revalidate: () => ["/ops/fallout"] },
      form({ caseId: "k1" }),
      effects,
    );
    expect(out).toEqual({ ok: true });
    expect(calls.revalidated).toEqual(["/ops/fallout"]);
  });

  it("leaves for another page after revalidating when onSuccess says so", async () => {
    const { calls, effects } = recorder();
    const def = { name: "approve", ref: z.object({ requestId: FormId }), run: async () => ({ number: "CX-1" }), revalidate: () => ["/approvals"], onSuccess: (r: { number: string }) => redirectTo(`/approvals?decided=${r.number}`) };
    await expect(runAction(def, form({ requestId: "r1" }), effects)).rejects.toThrow("NEXT_REDIRECT");
    expect(calls.revalidated).toEqual(["/approvals"]);
    expect(calls.redirectedTo).toBe("/approvals?decided=CX-1");
  });
});

describe("runAction: stale forms", () => {
  const cases: [string, Record<string, string>][] = [
    ["the order id is missing", { expectedVersion: "3", orderLineId: "l1", quantity: "1" }],
    ["the order id is blank", { orderId: "   ", orderLineId: "l1", quantity: "1" }],
    ["the order id is too long", { orderId: "x".repeat(101), orderLineId: "l1", quantity: "1" }],
    ["the version is not a number", { orderId: "o1", expectedVersion: "three", orderLineId: "l1", quantity: "1" }],
    ["the version is negative", { orderId: "o1", expectedVersion: "-1", orderLineId: "l1", quantity: "1" }],
  ];
  it.each(cases)("says the form is out of date when %s, before the actor or the command", async (_what, fields) => {
    const { calls, effects } = recorder();
    const run = vi.fn(async () => ({ sku: "x" }));
    const out = await runAction(stepAction(run), form(fields), effects);
    expect(out).toEqual({ ok: false, message: STALE_FORM, fieldErrors: {} });
    expect(run).not.toHaveBeenCalled();
    expect(calls).toEqual({ actor: 0, revalidated: [], redirectedTo: null });
  });

  it("checks a reference rule across fields (a rule id needs the version it was edited from)", async () => {
    const { effects } = recorder();
    const ref = z.object({ ruleId: FormId.optional(), version: z.coerce.number().int().positive().optional() }).refine((r) => r.ruleId === undefined || r.version !== undefined);
    const def = { name: "save", ref, run: async () => 1, revalidate: () => [] };
    expect(await runAction(def, form({ ruleId: "r1" }), effects)).toMatchObject({ ok: false, message: STALE_FORM });
    expect(await runAction(def, form({ ruleId: "r1", version: "2" }), effects)).toEqual({ ok: true });
    expect(await runAction(def, form({}), effects)).toEqual({ ok: true });
  });
});

describe("runAction: NUL characters", () => {
  it("refuses a NUL in any text field with a message next to that field, and does nothing else", async () => {
    const { calls, effects } = recorder();
    const run = vi.fn(async () => ({ sku: "x" }));
    const out = await runAction(stepAction(run), form({ orderId: "o1", orderLineId: "l1", quantity: "1", note: "a\u0000b" }), effects);
    expect(out).toEqual({ ok: false, code: "VALIDATION_FAILED", message: "Please correct the highlighted fields.", fieldErrors: { note: NUL_MESSAGE } });
    expect(run).not.toHaveBeenCalled();
    expect(calls).toEqual({ actor: 0, revalidated: [], redirectedTo: null });
  });

  it("names every field holding one, hidden ones and field names included", async () => {
    const { effects } = recorder();
    const out = await runAction(stepAction(vi.fn()), form({ orderId: "o1\u0000", orderLineId: "l1", quantity: "1", "qty:\u0000": "2" }), effects);
    expect(out.ok ? null : out.fieldErrors).toEqual({ orderId: NUL_MESSAGE, "qty:\\u0000": NUL_MESSAGE });
  });

  it("uses the page's wording for refused input", async () => {
    const { effects } = recorder();
    const def = { ...stepAction(vi.fn()), messages: { VALIDATION_FAILED: "Nothing was saved." } };
    expect(await runAction(def, form({ orderId: "o1", note: "\u0000" }), effects)).toMatchObject({ message: "Nothing was saved.", fieldErrors: { note: NUL_MESSAGE } });
  });
});

describe("runAction: schema failures", () => {
  it("gives field messages in the page's fields, with friendly type wording, before the actor or the command", async () => {
    const { calls, effects } = recorder();
    const run = vi.fn(async () => ({ sku: "x" }));
    const out = await runAction(stepAction(run), form({ orderId: "o1", orderLineId: "l1", note: "far too long" }), effects);
    expect(out).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Please correct the highlighted fields.",
      fieldErrors: { quantity: "Enter a quantity", note: "Too big: expected string to have <=5 characters" },
    });
    expect(run).not.toHaveBeenCalled();
    expect(calls.actor).toBe(0);
  });

  it("hands the read input to the field mapping, rewords fields the form words itself, and applies the page's message", async () => {
    const { effects } = recorder();
    const Lines = z.object({ lines: z.array(z.object({ id: z.string(), quantity: z.number().min(1, "too small") })).min(1, "choose at least one line") });
    const def = {
      name: "cancel",
      ref: z.object({ orderId: FormId }),
      input: (f: FormData) => ({ lines: [...f.keys()].filter((k) => k.startsWith("qty:")).map((k) => ({ id: k.slice(4), quantity: formNumber(f, k) })) }),
      schema: Lines,
      toField: (path: string, raw: { lines: { id: string }[] }) => {
        const m = /^lines\[(\d+)\]/.exec(path);
        return m ? `qty:${raw.lines[Number(m[1])]!.id}` : "lines";
      },
      fieldMessages: { lines: "Enter how many units to cancel." },
      messages: { VALIDATION_FAILED: "Nothing was saved." },
      run: vi.fn(),
      revalidate: () => [],
    };
    expect(await runAction(def, form({ orderId: "o1", "qty:a": "1", "qty:b": "0" }), effects)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Nothing was saved.",
      fieldErrors: { "qty:b": "too small" },
    });
    expect(await runAction(def, form({ orderId: "o1" }), effects)).toMatchObject({ fieldErrors: { lines: "Enter how many units to cancel." } });
  });

  it("lets the input reader refuse what only the form can judge", async () => {
    const { calls, effects } = recorder();
    const def = { name: "save", ref: z.object({}), input: () => refuseForm({ minOrderValue: "Enter an amount like 500.00" }), run: vi.fn(), revalidate: () => [] };
    expect(await runAction(def, form({ minOrderValue: "lots" }), effects)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Please correct the highlighted fields.",
      fieldErrors: { minOrderValue: "Enter an amount like 500.00" },
    });
    expect(def.run).not.toHaveBeenCalled();
    expect(calls.actor).toBe(0);
  });
});

describe("runAction: command failures", () => {
  const valid = { orderId: "o1", expectedVersion: "4", orderLineId: "l1", quantity: "3" };

  it("maps typed domain errors to messages and fields, and revalidates nothing", async () => {
    const { calls, effects } = recorder();
    const fail = (e: Error) => runAction(stepAction(async () => Promise.reject(e)), form(valid), effects);

    expect(await fail(new DomainError("NOT_FOUND", "Order o1 not found"))).toEqual({ ok: false, code: "NOT_FOUND", message: "This order is gone.", fieldErrors: {} });
    expect(await fail(new DomainError("VERSION_MISMATCH", "you sent 4, it is 5"))).toMatchObject({ code: "VERSION_MISMATCH", message: expect.stringMatching(/^This order changed after you opened this page/) });
    expect(await fail(new DomainError("INSUFFICIENT_QUANTITY", "Line 1 has 2 open", { errors: [{ path: "lines[0].quantity", message: "only 2 open" }] }))).toEqual({
      ok: false,
      code: "INSUFFICIENT_QUANTITY",
      message: "Not enough units for this step. Line 1 has 2 open.",
      fieldErrors: { quantity: "only 2 open" },
    });
    expect(calls.revalidated).toEqual([]);
  });

  it("logs anything else under the command's name and answers the generic message", async () => {
    const { calls, effects } = recorder();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const out = await runAction(stepAction(async () => Promise.reject(new Error("connection reset at 10.0.0.5"))), form(valid), effects);
    expect(out).toEqual({ ok: false, code: "INTERNAL", message: GENERIC_ERROR, fieldErrors: {} });
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]![0])).toContain("recordStep");
    expect(calls.revalidated).toEqual([]);
  });

  it("lets a signed-out visitor's redirect to the login page through instead of mapping it", async () => {
    const { effects } = recorder();
    const run = vi.fn();
    const signedOut = { ...effects, actor: () => Promise.reject(new Error("NEXT_REDIRECT /login")) };
    await expect(runAction(stepAction(run), form(valid), signedOut)).rejects.toThrow("NEXT_REDIRECT /login");
    expect(run).not.toHaveBeenCalled();
  });
});

describe("pagesShowing", () => {
  it("revalidates every page showing an order for a change to it", () => {
    const pages = pagesShowing.order("o1");
    for (const p of ["/orders", "/orders/o1", "/seller/orders", "/seller/orders/o1", "/seller/orders/o1/fulfil", "/seller/tasks", "/approvals"]) expect(pages).toContain(p);
  });

  it("adds the case's own page for a fallout case, and a rule's page for one rule", () => {
    const pages = pagesShowing.falloutCase({ id: "k1", orderId: "o1" });
    expect(pages).toEqual(expect.arrayContaining(["/ops/fallout", "/ops/fallout/k1", "/orders/o1", "/seller/orders/o1"]));
    expect(pagesShowing.approvalRules("r1")).toEqual(["/ops/approval-rules", "/ops/approval-rules/r1"]);
    expect(pagesShowing.approvalRules()).toEqual(["/ops/approval-rules"]);
  });
});
