"use server";
// Server actions of the OPS approval-rules pages: create or edit a rule, (de)activate it, move it up
// or down. The form becomes the rule input; the command validates it with the shared schema (field
// errors, nothing saved), authorizes OPS and audits the change with before/after.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createApprovalRule, moveApprovalRule, setApprovalRuleActive, updateApprovalRule } from "@/lib/server/approvals/rules";
import { failureFrom, formText, type ActionState } from "@/lib/ui/action-result";
import { ruleFieldOf, ruleInputFromForm } from "@/lib/ui/approval-rules";

const STALE_FORM = "This form is out of date. Reload the page and try again.";
const MESSAGES = {
  NOT_FOUND: "This rule no longer exists.",
  VERSION_MISMATCH: "Someone else changed this rule after you opened it. Reload the page to see their change, then edit again.",
  VALIDATION_FAILED: "Please correct the highlighted fields. Nothing was saved.",
} as const;
const RuleRef = z.object({ ruleId: z.string().min(1).max(100) });
const Version = z.coerce.number().int().positive();

function revalidateRules() {
  revalidatePath("/ops/approval-rules");
}

/** Creates a rule (no ruleId) or replaces one (ruleId + the version the form was made from). */
export async function saveRuleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const built = ruleInputFromForm(form);
  if (!built.ok) return { ok: false, code: "VALIDATION_FAILED", message: MESSAGES.VALIDATION_FAILED, fieldErrors: built.fieldErrors };
  const ruleId = formText(form, "ruleId");
  const version = ruleId ? Version.safeParse(formText(form, "version")) : null;
  if (version && !version.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const actor = await requireActor();
  let saved: string;
  try {
    const rule = ruleId
      ? await updateApprovalRule(db(), actor, ruleId, built.input, { expectedVersion: version!.data })
      : await createApprovalRule(db(), actor, built.input);
    saved = rule.name;
  } catch (e) {
    return failureFrom(e, "saveApprovalRule", ruleFieldOf, MESSAGES);
  }
  revalidateRules();
  redirect(`/ops/approval-rules?saved=${encodeURIComponent(saved)}`);
}

export async function toggleRuleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = RuleRef.safeParse({ ruleId: formText(form, "ruleId") });
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const active = formText(form, "active") === "true";
  const actor = await requireActor();
  try {
    const rule = await setApprovalRuleActive(db(), actor, ref.data.ruleId, active);
    revalidateRules();
    return { ok: true, message: `${rule.name} ${active ? "activated" : "deactivated"}.` };
  } catch (e) {
    return failureFrom(e, "toggleApprovalRule", undefined, MESSAGES);
  }
}

export async function moveRuleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = RuleRef.safeParse({ ruleId: formText(form, "ruleId") });
  const direction = formText(form, "direction");
  if (!ref.success || (direction !== "UP" && direction !== "DOWN")) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const actor = await requireActor();
  try {
    await moveApprovalRule(db(), actor, ref.data.ruleId, direction);
    revalidateRules();
    return { ok: true };
  } catch (e) {
    return failureFrom(e, "moveApprovalRule", undefined, MESSAGES);
  }
}
