"use client";
import { useId } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Changes on-hand stock of a SKU at a location: a receipt or a count correction (down to what is allocated). */
export function AdjustStockForm({ action, locations, sku, locationCode }: { action: Action; locations: string[]; sku?: string; locationCode?: string }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const attrs = (name: string) => ({ id: `${id}-${name}`, name, "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Adjust stock" className="space-y-3">
      {state && <Alert tone={state.ok ? "success" : "error"} role={state.ok ? "status" : "alert"}>{state.message}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor={`${id}-sku`} className={labelClass}>SKU</label>
          <input {...attrs("sku")} defaultValue={sku} className={`${inputClass} mt-1 font-mono`} />
          <FieldError id={`${id}-sku-error`} message={errors.sku} />
        </div>
        <div>
          <label htmlFor={`${id}-locationCode`} className={labelClass}>Location</label>
          <select {...attrs("locationCode")} defaultValue={locationCode ?? locations[0]} className={`${inputClass} mt-1`}>
            {locations.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
          <FieldError id={`${id}-locationCode-error`} message={errors.locationCode} />
        </div>
        <div>
          <label htmlFor={`${id}-quantity`} className={labelClass}>Change on hand by</label>
          <input {...attrs("quantity")} inputMode="numeric" placeholder="e.g. 10 or -3" className={`${inputClass} mt-1`} />
          <FieldError id={`${id}-quantity-error`} message={errors.quantity} />
        </div>
        <div>
          <label htmlFor={`${id}-reason`} className={labelClass}>Reason</label>
          <select {...attrs("reason")} defaultValue="RECEIPT" className={`${inputClass} mt-1`}>
            <option value="RECEIPT">Receipt</option>
            <option value="COUNT">Count correction</option>
            <option value="DAMAGE">Damage</option>
            <option value="ADJUSTMENT">Other adjustment</option>
          </select>
          <FieldError id={`${id}-reason-error`} message={errors.reason} />
        </div>
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? "Saving…" : "Adjust stock"}</button>
    </form>
  );
}
