"use client";
import { useEffect, useId, useRef, useState } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** `stores`: when the writer holds several stores of the order but not all, the note names one of them. */
export function AddNoteForm({ orderId, action, stores = [] }: { orderId: string; action: Action; stores?: { code: string; name: string }[] }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const [visibility, setVisibility] = useState("INTERNAL");
  const errors = state && !state.ok ? state.fieldErrors : {};

  // A saved note clears the form for the next one; a failed one keeps what was typed.
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset();
      setVisibility("INTERNAL");
    }
  }, [state]);

  const other = Object.entries(errors).filter(([k]) => !["body", "visibility", "notifyCustomer", "storeCode"].includes(k));
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Add a note">
      <input type="hidden" name="orderId" value={orderId} />
      <NoteBody id={id} error={errors.body} />
      <div className="flex flex-wrap items-end gap-4">
        {stores.length > 1 && <StoreSelect id={id} stores={stores} error={errors.storeCode} />}
        <VisibilityFields id={id} error={errors.visibility} visibility={visibility} onChange={setVisibility} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary", "sm")}>
          {pending ? "Adding…" : "Add note"}
        </button>
        <div aria-live="polite" className="text-sm">
          {state?.ok && <span className="text-emerald-700">{state.message}</span>}
        </div>
      </div>
      {state && !state.ok && (
        <Alert tone="error" role="alert">
          {state.message}
          {other.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {other.map(([k, m]) => (
                <li key={k}>{m}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </form>
  );
}

function NoteBody({ id, error }: { id: string; error?: string }) {
  return (
    <div>
      <label htmlFor={`${id}-body`} className={labelClass}>
        Note
      </label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={3}
        maxLength={4000}
        defaultValue=""
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-body-error` : undefined}
        className={`${inputClass} mt-1`}
      />
      <FieldError id={`${id}-body-error`} message={error} />
    </div>
  );
}

/** Which of the writer's stores the note is about. */
function StoreSelect({ id, stores, error }: { id: string; stores: { code: string; name: string }[]; error?: string }) {
  return (
    <div>
      <label htmlFor={`${id}-store`} className={labelClass}>
        About
      </label>
      <select
        id={`${id}-store`}
        name="storeCode"
        defaultValue={stores[0]!.code}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-store-error` : undefined}
        className={`${inputClass} mt-1 pr-8`}
      >
        {stores.map((s) => (
          <option key={s.code} value={s.code}>
            {s.name}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-store-error`} message={error} />
    </div>
  );
}

/** Internal or customer-visible; only a customer-visible note may notify the customer. */
function VisibilityFields({ id, error, visibility, onChange }: { id: string; error?: string; visibility: string; onChange: (v: string) => void }) {
  return (
    <>
      <div>
        <label htmlFor={`${id}-visibility`} className={labelClass}>
          Visibility
        </label>
        <select
          id={`${id}-visibility`}
          name="visibility"
          defaultValue="INTERNAL"
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-visibility-error` : undefined}
          className={`${inputClass} mt-1 pr-8`}
        >
          <option value="INTERNAL">Internal (staff only)</option>
          <option value="CUSTOMER">Customer-visible</option>
        </select>
        <FieldError id={`${id}-visibility-error`} message={error} />
      </div>
      <div className="flex items-center gap-2 pb-2">
        <input
          id={`${id}-notify`}
          name="notifyCustomer"
          type="checkbox"
          disabled={visibility !== "CUSTOMER"}
          className="h-4 w-4 rounded border-slate-300 text-indigo-600 disabled:opacity-50"
        />
        <label htmlFor={`${id}-notify`} className={`text-sm ${visibility === "CUSTOMER" ? "text-slate-800" : "text-slate-400"}`}>
          Notify the customer
        </label>
      </div>
    </>
  );
}
