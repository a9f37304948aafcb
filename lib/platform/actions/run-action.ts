// The one way a server action runs, with Next and the session left out so it can be tested as it
// is: form → NUL check → the hidden fields naming what the form acts on (stale form) → the shared
// schema → actor → one command → the pages that show what changed → the result for the page.
// `define-action.ts` binds it to Next (revalidatePath, redirect) and the signed-in actor.
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { nulFieldErrors } from "../http/json-guard.ts";
import {
  failureFrom,
  formText,
  friendlyErrors,
  zodFailure,
  type ActionFailure,
  type ActionResult,
  type DataResult,
  type FieldErrors,
  type MessageOverrides,
} from "./action-result.ts";

/** Said when a hidden field naming what the form acts on is missing or malformed (an old or altered page). */
export const STALE_FORM = "This form is out of date. Reload the page and try again.";

export { NUL_MESSAGE } from "../http/json-guard.ts";

const DEFAULT_INVALID = "Please correct the highlighted fields.";

/** The id of a row a form acts on, as its hidden field carries it. */
export const FormId = z.string().min(1).max(100);
/** The order version a page was rendered with (`expectedVersion`), for commands that pin it. */
export const FormVersion = z.coerce.number().int().nonnegative();

/** Field messages an `input` reader found before the schema could (e.g. an amount that is not money). */
export interface FormRefusal {
  readonly refused: FieldErrors;
}
export const refuseForm = (fieldErrors: FieldErrors): FormRefusal => ({ refused: fieldErrors });
const isRefusal = (v: unknown): v is FormRefusal => typeof v === "object" && v !== null && "refused" in v && Object.keys(v).length === 1;

/** What `onSuccess` returns to leave the page for another one. */
export interface Redirect {
  readonly redirectTo: string;
}
export const redirectTo = (path: string): Redirect => ({ redirectTo: path });
const isRedirect = (v: unknown): v is Redirect => typeof v === "object" && v !== null && "redirectTo" in v;

type Success = { ok: true; message?: string; data?: unknown };
/** The state a page's `useActionState` holds: `DataResult<T>` when success carries data, else `ActionResult`. */
export type StateOf<S> = [S] extends [{ data: infer D }] ? DataResult<D> : ActionResult;

export interface ActionDefinition<RefSchema extends z.ZodObject, Raw, Schema extends z.ZodType, Result, S extends Success> {
  /** Names the command in the server log when it fails unexpectedly. */
  name: string;
  /** Hidden fields naming what the form acts on, read as trimmed text; any failure is a stale form. */
  ref: RefSchema;
  /** The form's fields as `schema` expects them; `refuseForm(...)` for what only the form can judge. */
  input?: (form: FormData) => Raw | FormRefusal;
  /** The shared schema of the command's input. */
  schema?: Schema;
  /** Wording for type errors the schema does not word itself (default: `friendlyErrors`). */
  errorMap?: z.core.$ZodErrorMap;
  /** Maps a schema or command field path to the form field showing it; `raw` is what `input` read. */
  toField?: (path: string, raw: Raw) => string | undefined;
  /** The form's own wording for a field's schema message (e.g. `lines`: how to choose units). */
  fieldMessages?: FieldErrors;
  /** Wording per error code instead of the default (`true`: the command's own message). */
  messages?: MessageOverrides;
  /** The one command, with the actor, the parsed input and the form's reference (list it before the two below). */
  run: (actor: Actor, input: z.output<Schema>, ref: z.output<RefSchema>) => Promise<Result>;
  /** Every page that shows what the command changed (see `revalidation.ts`); `[]` when nothing changes. */
  revalidate: (done: { ref: z.output<RefSchema>; input: z.output<Schema>; result: Result }) => readonly string[];
  /** The page's result, or `redirectTo(path)`; default `{ ok: true }`. */
  onSuccess?: (result: Result, done: { ref: z.output<RefSchema>; input: z.output<Schema> }) => S | Redirect;
}

/** What the running app provides: the signed-in actor, page revalidation and redirects. */
export interface ActionEffects {
  actor: () => Promise<Actor>;
  revalidate: (path: string) => void;
  redirect: (path: string) => never;
}

/** Text fields holding a NUL character, keyed by the form field's name. */
export function nulFields(form: FormData): FieldErrors {
  const out: FieldErrors = {};
  for (const e of nulFieldErrors(form.entries())) out[e.path] ??= e.message;
  return out;
}

function invalid(fieldErrors: FieldErrors, messages: MessageOverrides | undefined): ActionFailure {
  const override = messages?.VALIDATION_FAILED;
  return { ok: false, code: "VALIDATION_FAILED", message: typeof override === "string" ? override : DEFAULT_INVALID, fieldErrors };
}

/** Reads the reference fields named by the schema's shape from the form. */
export function readRef<RefSchema extends z.ZodObject>(schema: RefSchema, form: FormData): z.output<RefSchema> | null {
  const raw = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, formText(form, k)]));
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function runAction<RefSchema extends z.ZodObject, Raw, Schema extends z.ZodType, Result, S extends Success>(
  def: ActionDefinition<RefSchema, Raw, Schema, Result, S>,
  form: FormData,
  effects: ActionEffects,
): Promise<S | ActionFailure> {
  const nul = nulFields(form);
  if (Object.keys(nul).length) return invalid(nul, def.messages);

  const ref = readRef(def.ref, form);
  if (ref === null) return { ok: false, message: STALE_FORM, fieldErrors: {} };

  const raw = def.input ? def.input(form) : ({} as Raw);
  if (isRefusal(raw)) return invalid(raw.refused, def.messages);
  const toField = def.toField;
  const pathToField = toField ? (path: string) => toField(path, raw) : undefined;

  const schema = (def.schema ?? z.object({})) as Schema;
  const parsed = schema.safeParse(raw, { error: def.errorMap ?? friendlyErrors });
  if (!parsed.success) {
    const failure = zodFailure(parsed.error, pathToField);
    for (const field of Object.keys(failure.fieldErrors)) {
      const wording = def.fieldMessages?.[field];
      if (wording !== undefined) failure.fieldErrors[field] = wording;
    }
    return { ...failure, message: invalid({}, def.messages).message };
  }
  const input = parsed.data as z.output<Schema>;

  // Outside the try: a signed-out visitor is sent to the login page, not shown an error.
  const actor = await effects.actor();
  let result: Result;
  try {
    result = await def.run(actor, input, ref);
  } catch (e) {
    return failureFrom(e, def.name, pathToField, def.messages);
  }

  for (const path of new Set(def.revalidate({ ref, input, result }))) effects.revalidate(path);
  const out = def.onSuccess ? def.onSuccess(result, { ref, input }) : ({ ok: true } as S);
  if (isRedirect(out)) return effects.redirect(out.redirectTo);
  return out;
}
