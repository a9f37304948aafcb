import type { FieldErrors } from "@/lib/platform/actions/action-result";
import { APPROVER_LEVELS } from "@/lib/platform/auth/permissions";
import { APPROVAL_RULE_TYPES, RULE_STAGES, type ApprovalRuleType } from "@/lib/modules/approvals/domain/rules";
import { RULE_TYPE_LABELS, type RuleFormValues } from "@/lib/ui/approval-rules";
import { humanizeEnum } from "@/lib/ui/format";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";

/** Ids, names and error wiring of the rule form's inputs. */
export function ruleFieldKit(id: string, errors: FieldErrors) {
  return {
    id,
    errors,
    /** The id, name and error attributes of the input for `name`. */
    f: (name: string) => ({
      id: `${id}-${name}`,
      name,
      "aria-invalid": errors[name] ? true : undefined,
      "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
    }),
    /** The error message of `name`, if any. */
    err: (name: string) => <FieldError id={`${id}-${name}-error`} message={errors[name]} />,
  };
}

export type RuleFieldKit = ReturnType<typeof ruleFieldKit>;

/** Name, type, level, the criteria of the chosen type, and whether the rule is active. */
export function RuleFieldset({ kit, values, type, onTypeChange }: { kit: RuleFieldKit; values: RuleFormValues; type: ApprovalRuleType; onTypeChange: (type: ApprovalRuleType) => void }) {
  const { id, f, err } = kit;
  return (
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
        <select {...f("type")} value={type} onChange={(e) => onTypeChange(e.target.value as ApprovalRuleType)} className={inputClass}>
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

      {/* Keyed by type: switching types starts the criteria inputs afresh. */}
      <RuleCriteriaFields key={type} kit={kit} values={values} type={type} />
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="active" defaultChecked={values.active} />
        Active (inactive rules never match)
      </label>
    </fieldset>
  );
}

/** The criteria inputs of the chosen rule type. */
function RuleCriteriaFields({ kit: { id, f, err, errors }, values, type }: { kit: RuleFieldKit; values: RuleFormValues; type: ApprovalRuleType }) {
  switch (type) {
    case "ORDER_VALUE_THRESHOLD":
      return (
        <div>
          <label htmlFor={`${id}-minOrderValue`} className={labelClass}>
            Minimum order value
          </label>
          <input {...f("minOrderValue")} inputMode="decimal" defaultValue={values.minOrderValue} placeholder="500.00" className={inputClass} />
          <FieldHint id={`${id}-minOrderValue-hint`}>Matches orders worth this much or more.</FieldHint>
          {err("minOrderValue")}
        </div>
      );
    case "QUANTITY_THRESHOLD":
      return (
        <div>
          <label htmlFor={`${id}-minUnits`} className={labelClass}>
            Minimum units in the request
          </label>
          <input {...f("minUnits")} inputMode="numeric" defaultValue={values.minUnits} className={inputClass} />
          {err("minUnits")}
        </div>
      );
    case "FULFILLMENT_STAGE":
      return (
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
      );
    case "CUSTOMER_TYPE":
      return <ListCriterion kit={{ id, f, err }} name="customerTypes" label="Customer types" defaultValue={values.customerTypes} placeholder="VIP, B2B" />;
    case "ITEM_CATEGORY":
      return <ListCriterion kit={{ id, f, err }} name="categories" label="Item categories" defaultValue={values.categories} placeholder="OUTDOOR, KITCHEN" />;
    default:
      return null;
  }
}

/** A comma-separated list criterion (customer types, item categories). */
function ListCriterion(props: { kit: Pick<RuleFieldKit, "id" | "f" | "err">; name: string; label: string; defaultValue: string; placeholder: string }) {
  const { id, f, err } = props.kit;
  return (
    <div className="sm:col-span-2">
      <label htmlFor={`${id}-${props.name}`} className={labelClass}>
        {props.label}
      </label>
      <input {...f(props.name)} defaultValue={props.defaultValue} placeholder={props.placeholder} className={inputClass} />
      <FieldHint id={`${id}-${props.name}-hint`}>Separate several with commas.</FieldHint>
      {err(props.name)}
    </div>
  );
}
