"use client";
import { useId } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Receipt of one return line: how many units came back, in what state, and where restocked units go. */
export function ReceiveLineForm({ returnId, orderLineId, sku, expected, action }: { returnId: string; orderLineId: string; sku: string; expected: number; action: Action }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const described = (name: string) => (errors[name] ? `${id}-${name}-error` : undefined);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label={`Receive ${sku}`} className="space-y-2 rounded-md bg-slate-50 p-3">
      <input type="hidden" name="returnId" value={returnId} />
      <input type="hidden" name="orderLineId" value={orderLineId} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-4 sm:items-start">
        <div>
          <label htmlFor={`${id}-quantity`} className={labelClass}>
            Quantity received
          </label>
          <input id={`${id}-quantity`} name="quantity" type="number" inputMode="numeric" min={1} max={expected} step={1} defaultValue={1} aria-invalid={errors.quantity ? true : undefined} aria-describedby={described("quantity")} className={`${inputClass} mt-1`} />
          <FieldError id={`${id}-quantity-error`} message={errors.quantity} />
        </div>
        <div>
          <label htmlFor={`${id}-disposition`} className={labelClass}>
            Condition
          </label>
          <select id={`${id}-disposition`} name="disposition" defaultValue="RESTOCK" aria-invalid={errors.disposition ? true : undefined} aria-describedby={described("disposition")} className={`${inputClass} mt-1`}>
            <option value="RESTOCK">Restock</option>
            <option value="DAMAGED">Damaged (write off)</option>
          </select>
          <FieldError id={`${id}-disposition-error`} message={errors.disposition} />
        </div>
        <div>
          <label htmlFor={`${id}-location`} className={labelClass}>
            Location <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input id={`${id}-location`} name="locationCode" placeholder="DC-EAST" autoCapitalize="characters" aria-invalid={errors.locationCode ? true : undefined} aria-describedby={described("locationCode")} className={`${inputClass} mt-1`} />
          <FieldError id={`${id}-locationCode-error`} message={errors.locationCode} />
        </div>
        <div className="sm:pt-6">
          <button type="submit" disabled={pending} className={buttonClass("primary", "sm", "w-full sm:w-auto")}>
            {pending ? "Receiving…" : "Receive"}
          </button>
        </div>
      </div>
      <div aria-live="polite" className="text-sm">
        {state?.ok && <span className="text-emerald-700">{state.message}</span>}
      </div>
      {state && !state.ok && (
        <Alert tone="error" role="alert">
          {state.message}
        </Alert>
      )}
    </form>
  );
}
