// The one result shape server actions hand to `useActionState`, and the mapping from thrown errors
// to messages a person can act on. Only typed domain errors reach the page; anything else is logged
// on the server and answered with a generic message.
import type { z } from "zod";
import { isDomainError, type ErrorCode } from "../errors.ts";
import { zodFieldErrors } from "../contracts/field-errors.ts";

export type FieldErrors = Record<string, string>;

export type ActionResult =
  | { ok: true; message?: string }
  | { ok: false; message: string; fieldErrors: FieldErrors; code?: ErrorCode | "INTERNAL" };

/** Initial `useActionState` value: nothing submitted yet. */
export type ActionState = ActionResult | null;

export type ActionFailure = Extract<ActionResult, { ok: false }>;

/** A result that carries data for the page on success (e.g. a refund preview). */
export type DataResult<T> = { ok: true; message?: string; data: T } | ActionFailure;

/** Friendlier wording for empty or non-numeric form fields than zod's type messages. */
export const friendlyErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== "invalid_type") return undefined;
  if (issue.expected === "number") return issue.input === undefined ? "Enter a quantity" : "Enter a whole number";
  return issue.input === undefined ? "This field is required" : undefined;
};

export const GENERIC_ERROR = "Something went wrong on our side. Please try again; if it keeps happening, contact support.";

const CODE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  VERSION_MISMATCH: "This order changed after you opened this page (someone else updated it). Reload the page to see the current quantities, then try again.",
  NOT_FOUND: "This order is no longer available to you. It may have been moved out of your stores.",
  FORBIDDEN: "Your role does not allow this action.",
  UNAUTHENTICATED: "Your session has ended. Sign in again and retry.",
  VALIDATION_FAILED: "Please correct the highlighted fields.",
  REQUEST_IN_PROGRESS: "The same change is still being processed. Wait a moment and reload the page.",
};

/** Maps a field path reported by a schema or command ("lines.0.quantity", "lines[0].quantity") to a form field name. */
export type PathToField = (path: string) => string | undefined;

const lastSegment: PathToField = (path) => path.replace(/\[(\d+)\]/g, ".$1").split(".").filter((s) => !/^\d+$/.test(s)).pop();

export function fieldErrorsFrom(errors: readonly { path: string; message: string }[], toField: PathToField = lastSegment): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const field = toField(e.path) ?? "form";
    out[field] ??= e.message;
  }
  return out;
}

/** Field messages of a failed schema parse, in the same path notation as the API (`lines[0].quantity`). */
export function zodFailure(error: z.ZodError, toField: PathToField = lastSegment): ActionFailure {
  const fieldErrors = fieldErrorsFrom(zodFieldErrors(error), toField);
  return { ok: false, code: "VALIDATION_FAILED", message: CODE_MESSAGES.VALIDATION_FAILED!, fieldErrors };
}

/**
 * Wording a page may give instead of the default for a code, e.g. "This task is no longer
 * available" for NOT_FOUND. `true` passes the command's own (user-safe) message through.
 */
export type MessageOverrides = Partial<Record<ErrorCode, string | true>>;

export function failureFrom(error: unknown, context: string, toField: PathToField = lastSegment, overrides: MessageOverrides = {}): ActionFailure {
  if (isDomainError(error)) {
    const fieldErrors = fieldErrorsFrom(error.details?.errors ?? [], toField);
    const override = overrides[error.code];
    if (override !== undefined) return { ok: false, code: error.code, message: override === true ? error.message : override, fieldErrors };
    const known = CODE_MESSAGES[error.code];
    // Quantity and inventory conflicts carry a precise, user-safe explanation from the command.
    const message =
      error.code === "INSUFFICIENT_QUANTITY"
        ? `Not enough units for this step. ${error.message}.`
        : error.code === "INSUFFICIENT_INVENTORY"
          ? `Not enough stock. ${error.message}.`
          : (known ?? error.message);
    return { ok: false, code: error.code, message, fieldErrors };
  }
  console.error(`[action] ${context} failed:`, error);
  return { ok: false, code: "INTERNAL", message: GENERIC_ERROR, fieldErrors: {} };
}

/** Reads a FormData text field; empty strings become undefined so optional schema fields stay optional. */
export function formText(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  return t === "" ? undefined : t;
}

/** Whole numbers become numbers; anything else is passed on as text so the schema reports it. */
export function formNumber(form: FormData, name: string): number | string | undefined {
  const t = formText(form, name);
  if (t === undefined) return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** Reads a FormData text field as typed (not trimmed: the schema trims), or undefined when absent. */
export function formRawText(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
}
