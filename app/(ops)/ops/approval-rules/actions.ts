"use server";
// Server actions of the OPS approval-rules pages, through the action wrapper
// (lib/platform/actions/define-action.ts): create or edit a rule, (de)activate it, move it up or
// down. The form becomes the rule input, parsed with the shared rule schema (field errors, nothing
// saved); the command authorizes OPS and audits the change with before/after.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { ApprovalRuleInput } from "@/lib/modules/approvals/domain/rules";
import { createApprovalRule, moveApprovalRule, setApprovalRuleActive, updateApprovalRule } from "@/lib/modules/approvals/server/rules";
import { defineAction, FormId, pagesShowing, redirectTo, refuseForm } from "@/lib/platform/actions/define-action";
import { formText } from "@/lib/platform/actions/action-result";
import { ruleFieldOf, ruleInputFromForm } from "@/lib/ui/approval-rules";

const MESSAGES = {
  NOT_FOUND: "This rule no longer exists.",
  VERSION_MISMATCH: "Someone else changed this rule after you opened it. Reload the page to see their change, then edit again.",
  VALIDATION_FAILED: "Please correct the highlighted fields. Nothing was saved.",
} as const;
const RuleRef = z.object({ ruleId: FormId });

/** Creates a rule (no ruleId) or replaces one (ruleId + the version the form was made from). */
export const saveRuleAction = defineAction({
  name: "saveApprovalRule",
  ref: z
    .object({ ruleId: FormId.optional(), version: z.coerce.number().int().positive().optional() })
    .refine((r) => r.ruleId === undefined || r.version !== undefined),
  input: (form) => {
    const built = ruleInputFromForm(form);
    return built.ok ? built.input : refuseForm(built.fieldErrors);
  },
  schema: ApprovalRuleInput,
  toField: ruleFieldOf,
  messages: MESSAGES,
  run: (actor, input, ref) =>
    ref.ruleId ? updateApprovalRule(db(), actor, ref.ruleId, input, { expectedVersion: ref.version }) : createApprovalRule(db(), actor, input),
  revalidate: ({ result }) => pagesShowing.approvalRules(result.id),
  onSuccess: (rule) => redirectTo(`/ops/approval-rules?saved=${encodeURIComponent(rule.name)}`),
});

export const toggleRuleAction = defineAction({
  name: "toggleApprovalRule",
  ref: RuleRef,
  input: (form) => ({ active: formText(form, "active") === "true" }),
  schema: z.object({ active: z.boolean() }),
  messages: MESSAGES,
  run: (actor, input, ref) => setApprovalRuleActive(db(), actor, ref.ruleId, input.active),
  revalidate: ({ result }) => pagesShowing.approvalRules(result.id),
  onSuccess: (rule, { input }) => ({ ok: true, message: `${rule.name} ${input.active ? "activated" : "deactivated"}.` }),
});

export const moveRuleAction = defineAction({
  name: "moveApprovalRule",
  ref: RuleRef.extend({ direction: z.enum(["UP", "DOWN"]) }),
  messages: MESSAGES,
  run: (actor, _input, ref) => moveApprovalRule(db(), actor, ref.ruleId, ref.direction),
  revalidate: () => pagesShowing.approvalRules(),
});
