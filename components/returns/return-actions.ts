import "server-only";
// What the buyer's and the seller's return actions share: reading the form, the shared request
// schema, where each message goes and the wording of refusals. The preview runs the assessment the
// return would get, storing nothing; the request makes the return, pinned to the order version shown.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { CreateReturn } from "@/lib/modules/returns/contracts/returns";
import { createReturn } from "@/lib/modules/returns/server/create-return";
import { previewReturn } from "@/lib/modules/returns/server/preview-return";
import { cancelReturn } from "@/lib/modules/returns/server/cancel-return";
import type { Actor } from "@/lib/platform/auth/actor";
import { FormId, FormVersion, pagesShowing } from "@/lib/platform/actions/define-action";
import { friendlyErrors } from "@/lib/platform/actions/action-result";
import { returnFieldOf, returnFromForm, type ReturnFormInput } from "@/lib/ui/return-form";

/** The parts both actions share: reading, schema, wording, field placement. */
const returnForm = {
  input: returnFromForm,
  schema: CreateReturn,
  errorMap: (issue: Parameters<typeof friendlyErrors>[0]) =>
    issue.path?.at(-1) === "reasonCode" && issue.code === "invalid_type" ? "Choose a reason" : friendlyErrors(issue),
  toField: (path: string, raw: ReturnFormInput) => returnFieldOf(path, raw),
  fieldMessages: { lines: "Enter how many units to return for at least one item." },
  messages: {
    INSUFFICIENT_QUANTITY: "Fewer units can be returned than you entered; see the highlighted items.",
    NOT_FOUND: "Something on this order changed. Reload the page and try again.",
    CONFLICT: true,
  },
} as const;

/** What returning the chosen units would refund, per item and per way the buyer paid. */
export const previewReturnParts = {
  name: "previewReturn",
  ref: z.object({ orderId: FormId }),
  ...returnForm,
  run: (actor: Actor, input: z.output<typeof CreateReturn>, ref: { orderId: string }) => previewReturn(db(), actor, ref.orderId, input),
  revalidate: () => [] as string[], // a preview changes nothing
};

/** Makes the return as previewed, against the order version the page showed. */
export const requestReturnParts = {
  name: "createReturn",
  ref: z.object({ orderId: FormId, expectedVersion: FormVersion }),
  ...returnForm,
  run: (actor: Actor, input: z.output<typeof CreateReturn>, ref: { orderId: string; expectedVersion: number }) =>
    createReturn(db(), actor, ref.orderId, input, { expectedVersion: ref.expectedVersion }),
  revalidate: ({ result }: { result: Awaited<ReturnType<typeof createReturn>> }) => pagesShowing.returnOrder(result),
};

/** Calls a return off before any unit arrived (the requester, the store or OPS). */
export const cancelReturnParts = {
  name: "cancelReturn",
  ref: z.object({ returnId: FormId }),
  messages: {
    CONFLICT: true,
    FORBIDDEN: "Only the person who asked for this return, the store or operations can cancel it.",
    NOT_FOUND: "This return is no longer available. Reload the page.",
  } as const,
  run: (actor: Actor, _input: unknown, ref: { returnId: string }) => cancelReturn(db(), actor, ref.returnId),
  revalidate: ({ result }: { result: Awaited<ReturnType<typeof cancelReturn>> }) => pagesShowing.returnOrder(result),
  onSuccess: (r: Awaited<ReturnType<typeof cancelReturn>>) => ({ ok: true as const, message: `Return ${r.number} cancelled.` }),
};
