"use client";
import Link from "next/link";
import { useId, useState } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import type { ApprovalRuleType } from "@/lib/modules/approvals/domain/rules";
import type { RuleFormValues } from "@/lib/ui/approval-rules";
import { useFormAction } from "@/components/ui/use-form-action";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { buttonClass } from "@/components/ui/button";
import { RuleFieldset, ruleFieldKit } from "./rule-form-fields";
import { AutoApprovalFieldset, ExpiryFieldset } from "./rule-approval-fields";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

// Fields the form shows next to their input; any other error is listed under the form.
const SHOWN = new Set([
  "name",
  "type",
  "minOrderValue",
  "minUnits",
  "stages",
  "customerTypes",
  "categories",
  "level",
  "requestTypes",
  "orderYoungerThanMinutes",
  "autoApprove",
  "onExpiry",
  "onFinalExpiry",
  "expiresAfterMinutes",
]);

/** Create or edit one approval rule. Criteria fields follow the chosen rule type. */
export function RuleForm({ action, values, ruleId, version }: { action: Action; values: RuleFormValues; ruleId?: string; version?: number }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const [type, setType] = useState<ApprovalRuleType>(values.type);
  const kit = ruleFieldKit(id, errors);
  const unshown = Object.entries(errors).filter(([k]) => !SHOWN.has(k));

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label={ruleId ? "Edit approval rule" : "New approval rule"} className="space-y-6">
      {ruleId && <input type="hidden" name="ruleId" value={ruleId} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}

      <RuleFieldset kit={kit} values={values} type={type} onTypeChange={setType} />
      <AutoApprovalFieldset kit={kit} values={values} />
      <ExpiryFieldset kit={kit} values={values} />

      {state && !state.ok && <ActionErrorAlert error={state} unshown={unshown} />}
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Saving…" : ruleId ? "Save rule" : "Create rule"}
        </button>
        <Link href="/ops/approval-rules" className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
