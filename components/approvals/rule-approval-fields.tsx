import { REQUEST_TYPES } from "@/lib/modules/approvals/domain/rules";
import type { RuleFormValues } from "@/lib/ui/approval-rules";
import { humanizeEnum } from "@/lib/ui/format";
import { inputClass, labelClass } from "@/components/ui/field";
import type { RuleFieldKit } from "./rule-form-fields";

/** When a matching request needs no signature: request types, all units open, order age. */
export function AutoApprovalFieldset({ kit: { id, errors, f, err }, values }: { kit: RuleFieldKit; values: RuleFormValues }) {
  return (
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
  );
}

/** How long an approval task waits, and what happens when it runs out (below VP and at VP). */
export function ExpiryFieldset({ kit: { id, f, err }, values }: { kit: RuleFieldKit; values: RuleFormValues }) {
  return (
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
  );
}
