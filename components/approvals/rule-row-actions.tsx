"use client";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass } from "@/components/ui/button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

function MiniForm({ action, fields, label, text, variant = "secondary" }: { action: Action; fields: Record<string, string>; label: string; text: string; variant?: "secondary" | "danger" | "ghost" }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" disabled={pending} aria-label={label} className={buttonClass(variant, "sm")}>
        {text}
      </button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-sm text-rose-700">
          {state.message}
        </span>
      )}
    </form>
  );
}

/** Move up/down and (de)activate one rule; each change is audited by the command. */
export function RuleRowActions({
  ruleId,
  name,
  active,
  first,
  last,
  moveAction,
  toggleAction,
}: {
  ruleId: string;
  name: string;
  active: boolean;
  first: boolean;
  last: boolean;
  moveAction: Action;
  toggleAction: Action;
}) {
  return (
    <span className="flex flex-wrap items-center justify-end gap-1">
      {!first && <MiniForm action={moveAction} fields={{ ruleId, direction: "UP" }} label={`Move ${name} up`} text="↑" variant="ghost" />}
      {!last && <MiniForm action={moveAction} fields={{ ruleId, direction: "DOWN" }} label={`Move ${name} down`} text="↓" variant="ghost" />}
      <MiniForm
        action={toggleAction}
        fields={{ ruleId, active: active ? "false" : "true" }}
        label={`${active ? "Deactivate" : "Activate"} ${name}`}
        text={active ? "Deactivate" : "Activate"}
        variant={active ? "danger" : "secondary"}
      />
    </span>
  );
}
