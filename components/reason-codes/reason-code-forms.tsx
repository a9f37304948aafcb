"use client";
import { useId } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import type { ReasonCodeView } from "@/lib/modules/orders/contracts/reason-codes";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

function Outcome({ state }: { state: ActionState }) {
  if (!state) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-rose-700"}`}>
      {state.message}
    </p>
  );
}

function Flags({ id, buyerVisible, active }: { id: string; buyerVisible: boolean; active: boolean }) {
  return (
    <div className="flex flex-wrap gap-4 text-sm text-slate-800">
      <label htmlFor={`${id}-buyer`} className="flex items-center gap-2">
        <input id={`${id}-buyer`} type="checkbox" name="buyerVisible" defaultChecked={buyerVisible} className="h-4 w-4 rounded border-slate-300" />
        Buyers may give it
      </label>
      <label htmlFor={`${id}-active`} className="flex items-center gap-2">
        <input id={`${id}-active`} type="checkbox" name="active" defaultChecked={active} className="h-4 w-4 rounded border-slate-300" />
        Active
      </label>
    </div>
  );
}

/** One catalogue entry: label, buyer visibility and active flag, saved against the version shown. */
export function EditReasonCodeForm({ reason, action }: { reason: ReasonCodeView; action: Action }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const error = state && !state.ok ? state.fieldErrors.label : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label={`Edit ${reason.code}`} className="space-y-2">
      <input type="hidden" name="code" value={reason.code} />
      <input type="hidden" name="version" value={reason.version} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-56">
          <label htmlFor={`${id}-label`} className={labelClass}>
            <span className="font-mono">{reason.code}</span>
          </label>
          <input id={`${id}-label`} name="label" defaultValue={reason.label} maxLength={100} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-label-error` : undefined} className={`${inputClass} mt-1`} />
          <FieldError id={`${id}-label-error`} message={error} />
        </div>
        <Flags id={id} buyerVisible={reason.buyerVisible} active={reason.active} />
        <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
          {pending ? "Saving…" : "Save"}
        </button>
      </div>
      <div aria-live="polite">
        <Outcome state={state} />
      </div>
    </form>
  );
}

/** A new entry: code, kind, label, buyer visibility. */
export function NewReasonCodeForm({ kinds, action }: { kinds: readonly string[]; action: Action }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={`${id}-${name}`} className={labelClass}>{label}</label>
      {input}
      <FieldError id={`${id}-${name}-error`} message={errors[name]} />
    </div>
  );
  const invalid = (name: string) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="New reason code" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        {field("code", "Code", <input id={`${id}-code`} name="code" placeholder="e.g. GIFT_RETURN" className={`${inputClass} mt-1 font-mono`} {...invalid("code")} />)}
        {field(
          "appliesTo",
          "Applies to",
          <select id={`${id}-appliesTo`} name="appliesTo" defaultValue="" className={`${inputClass} mt-1`} {...invalid("appliesTo")}>
            <option value="" disabled>Choose…</option>
            {kinds.map((k) => <option key={k} value={k}>{k.toLowerCase()}</option>)}
          </select>,
        )}
        {field("label", "Label", <input id={`${id}-label`} name="label" maxLength={100} className={`${inputClass} mt-1`} {...invalid("label")} />)}
      </div>
      <Flags id={id} buyerVisible={false} active />
      <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? "Adding…" : "Add reason code"}</button>
      <div aria-live="polite"><Outcome state={state} /></div>
    </form>
  );
}
