"use server";
// Server actions of the OPS reason-codes page: add an entry, edit one (label, buyer visibility,
// active) against the version the form was made from. The commands authorize OPS and audit.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { NewReasonCode, ReasonCodeEdit } from "@/lib/modules/orders/contracts/reason-codes";
import { createReasonCode, updateReasonCode } from "@/lib/modules/orders/server/reason-code-admin";
import { defineAction, FormId, pagesShowing } from "@/lib/platform/actions/define-action";
import { formText } from "@/lib/platform/actions/action-result";

const flags = (form: FormData) => ({ label: formText(form, "label") ?? "", buyerVisible: form.get("buyerVisible") === "on", active: form.get("active") === "on" });
const MESSAGES = {
  VALIDATION_FAILED: "Please correct the highlighted fields. Nothing was saved.",
  VERSION_MISMATCH: "Someone else changed this reason after you opened the page. Reload to see their change, then edit again.",
  NOT_FOUND: "This reason code no longer exists.",
} as const;

export const createReasonCodeAction = defineAction({
  name: "createReasonCode",
  ref: z.object({}),
  input: (form) => ({ ...flags(form), code: formText(form, "code") ?? "", appliesTo: formText(form, "appliesTo") ?? "" }),
  schema: NewReasonCode,
  messages: MESSAGES,
  run: (actor, input) => createReasonCode(db(), actor, input),
  revalidate: () => pagesShowing.reasonCodes(),
  onSuccess: (r) => ({ ok: true, message: `${r.code} added.` }),
});

export const saveReasonCodeAction = defineAction({
  name: "saveReasonCode",
  ref: z.object({ code: FormId, version: z.coerce.number().int().positive() }),
  input: flags,
  schema: ReasonCodeEdit,
  messages: MESSAGES,
  run: (actor, input, ref) => updateReasonCode(db(), actor, ref.code, input, ref.version),
  revalidate: () => pagesShowing.reasonCodes(),
  onSuccess: (r) => ({ ok: true, message: `${r.code} saved.` }),
});
