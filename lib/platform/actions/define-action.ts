import "server-only";
// The server-action wrapper. A 'use server' file exports what this returns and nothing else:
//
//   export const addOrderNoteAction = defineAction({
//     name: "addOrderNote",
//     ref: z.object({ orderId: FormId }),           // hidden fields; missing or malformed = stale form
//     input: (form) => ({ body: formRawText(form, "body"), … }),
//     schema: AddNote,                              // the shared schema; failures = field messages
//     run: (actor, input, ref) => addOrderNote(db(), actor, ref.orderId, input),
//     revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
//     onSuccess: () => ({ ok: true, message: "Internal note added." }),
//   });
//
// `run` comes before `revalidate` and `onSuccess` so TypeScript knows the command's result there.
//
// This module is not a 'use server' file on purpose: every export of one becomes a callable endpoint.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireActor } from "../auth/session.ts";
import { runAction, type ActionDefinition, type ActionEffects, type StateOf } from "./run-action.ts";

export { FormId, FormVersion, STALE_FORM, redirectTo, refuseForm, type Redirect } from "./run-action.ts";
export { pagesShowing } from "./revalidation.ts";

const nextEffects: ActionEffects = {
  actor: requireActor,
  revalidate: (path) => revalidatePath(path),
  redirect: (path) => redirect(path),
};

/** Builds the `(prev, form) => state` function `useActionState` calls (see `run-action.ts` for the steps). */
export function defineAction<
  RefSchema extends z.ZodObject,
  Raw,
  Result,
  Schema extends z.ZodType = z.ZodObject<{}>,
  S extends { ok: true; message?: string; data?: unknown } = { ok: true; message?: string }>(
  definition: ActionDefinition<RefSchema, Raw, Schema, Result, S>,
): (prev: StateOf<S> | null, form: FormData) => Promise<StateOf<S>> {
  return async (_prev, form) => (await runAction(definition, form, nextEffects)) as StateOf<S>;
}
