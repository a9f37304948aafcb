"use client";
import Link from "next/link";
import { useId, useState } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { APPROVER_LEVELS } from "@/lib/platform/auth/permissions";
import { APPROVAL_RULE_TYPES, REQUEST_TYPES, RULE_STAGES, type ApprovalRuleType } from "@/lib/modules/approvals/domain/rules";
import { RULE_TYPE_LABELS, type RuleFormValues } from "@/lib/ui/approval-rules";
import { humanizeEnum } from "@/lib/ui/format";
import { useFormAction } from "@/components/ui/use-form-action";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";

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
  const f = (name: string) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
  });
  const err = (name: string) => <FieldError id={`${id}-${name}-error`} message={errors[name]} />;
  const unshown = Object.entries(errors).filter(([k]) => !SHOWN.has(k));

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label={ruleId ? "Edit approval rule" : "New approval rule"} className="space-y-6">
      {ruleId && <input type="hidden" name="ruleId" value={ruleId} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Rule</legend>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-name`} className={labelClass}>
            Name
          </label>
          <input {...f("name")} defaultValue={values.name} maxLength={100} className={inputClass} />
          {err("name")}
        </div>
        <div>
          <label htmlFor={`${id}-type`} className={labelClass}>
            Rule type
          </label>
          <select {...f("type")} value={type} onChange={(e) => setType(e.target.value as ApprovalRuleType)} className={inputClass}>
            {APPROVAL_RULE_TYPES.map((t) => (
              <option key={t} value={t}>
                {RULE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          {err("type")}
        </div>
        <div>
          <label htmlFor={`${id}-level`} className={labelClass}>
            Required level
          </label>
          <select {...f("level")} defaultValue={values.level} className={inputClass}>
            {APPROVER_LEVELS.map((l) => (
              <option key={l} value={l}>
                {humanizeEnum(l)}
              </option>
            ))}
          </select>
          {err("level")}
        </div>

        {type === "ORDER_VALUE_THRESHOLD" && (
          <div>
            <label htmlFor={`${id}-minOrderValue`} className={labelClass}>
              Minimum order value
            </label>
            <input {...f("minOrderValue")} inputMode="decimal" defaultValue={values.minOrderValue} placeholder="500.00" className={inputClass} />
            <FieldHint id={`${id}-minOrderValue-hint`}>Matches orders worth this much or more.</FieldHint>
            {err("minOrderValue")}
          </div>
        )}
        {type === "QUANTITY_THRESHOLD" && (
          <div>
            <label htmlFor={`${id}-minUnits`} className={labelClass}>
              Minimum units in the request
            </label>
            <input {...f("minUnits")} inputMode="numeric" defaultValue={values.minUnits} className={inputClass} />
            {err("minUnits")}
          </div>
        )}
        {type === "FULFILLMENT_STAGE" && (
          <fieldset className="sm:col-span-2" aria-describedby={errors.stages ? `${id}-stages-error` : undefined}>
            <legend className={labelClass}>Stages of the affected units</legend>
            <div className="mt-2 flex flex-wrap gap-4">
              {RULE_STAGES.map((s) => (
                <label key={s} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="stages" value={s} defaultChecked={values.stages.includes(s)} />
                  {humanizeEnum(s)}
                </label>
              ))}
            </div>
            {err("stages")}
            <label className="mt-3 flex items-center gap-2 text-sm">
              <input type="checkbox" name="includeBlocked" defaultChecked={values.includeBlocked} />
              Also count units that can only come back through a return (shipped, delivered)
            </label>
          </fieldset>
        )}
        {type === "CUSTOMER_TYPE" && (
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-customerTypes`} className={labelClass}>
              Customer types
            </label>
            <input {...f("customerTypes")} defaultValue={values.customerTypes} placeholder="VIP, B2B" className={inputClass} />
            <FieldHint id={`${id}-customerTypes-hint`}>Separate several with commas.</FieldHint>
            {err("customerTypes")}
          </div>
        )}
        {type === "ITEM_CATEGORY" && (
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-categories`} className={labelClass}>
              Item categories
            </label>
            <input {...f("categories")} defaultValue={values.categories} placeholder="OUTDOOR, KITCHEN" className={inputClass} />
            <FieldHint id={`${id}-categories-hint`}>Separate several with commas.</FieldHint>
            {err("categories")}
          </div>
        )}
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="active" defaultChecked={values.active} />
          Active (inactive rules never match)
        </label>
      </fieldset>

      <fieldset className="space-y-3" aria-describedby={errors.autoApprove ? `${id}-autoApprove-error` : undefined}>
        <legend className="text-base font-semibold text-slate-900">Auto-approval</legend>
        <p className="text-sm text-slate-600">When every condition you tick holds, the rule is satisfied without anyone signing. Tick nothing to always ask.</p>
        <div className="flex flex-wrap gap-4">
          {REQUEST_TYPES.map((t) => (
            <label key={t} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="requestTypes" value={t} defaultChecked={values.requestTypes.includes(t)} />
              {humanizeEnum(t)}
            </label>
          ))}
        </div>
        {err("requestTypes")}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="allUnitsOpen" defaultChecked={values.allUnitsOpen} />
          All units are still open
        </label>
        <div className="max-w-xs">
          <label htmlFor={`${id}-orderYoungerThanMinutes`} className={labelClass}>
            Order younger than (minutes)
          </label>
          <input {...f("orderYoungerThanMinutes")} inputMode="numeric" defaultValue={values.orderYoungerThanMinutes} className={inputClass} />
          {err("orderYoungerThanMinutes")}
        </div>
        {err("autoApprove")}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-slate-900">Expiry</legend>
        <div>
          <label htmlFor={`${id}-expiresAfterMinutes`} className={labelClass}>
            Expires after (minutes)
          </label>
          <input {...f("expiresAfterMinutes")} inputMode="numeric" defaultValue={values.expiresAfterMinutes} placeholder="never" className={inputClass} />
          {err("expiresAfterMinutes")}
        </div>
        <div>
          <label htmlFor={`${id}-onExpiry`} className={labelClass}>
            When it expires
          </label>
          <select {...f("onExpiry")} defaultValue={values.onExpiry} className={inputClass}>
            <option value="ESCALATE">Escalate one level</option>
            <option value="AUTO_APPROVE">Approve automatically</option>
          </select>
          {err("onExpiry")}
        </div>
        <div>
          <label htmlFor={`${id}-onFinalExpiry`} className={labelClass}>
            When it expires at VP
          </label>
          <select {...f("onFinalExpiry")} defaultValue={values.onFinalExpiry} className={inputClass}>
            <option value="EXPIRE">The request expires</option>
            <option value="AUTO_APPROVE">Approve automatically</option>
          </select>
          {err("onFinalExpiry")}
        </div>
      </fieldset>

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
