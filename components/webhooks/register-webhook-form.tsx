"use client";
import { useId } from "react";
import type { DataResult } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass } from "@/components/ui/button";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";
import { ActionOutcome, SecretOnce } from "./action-result";

type Created = DataResult<{ id: string; secret: string }>;

/** Register an endpoint: URL, the event types (or all), a description; the secret is shown once. */
export function RegisterWebhookForm({ eventTypes, action }: { eventTypes: readonly string[]; action: (prev: Created | null, form: FormData) => Promise<Created> }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Register a webhook" className="space-y-4">
      <div>
        <label htmlFor={`${id}-url`} className={labelClass}>
          Endpoint URL
        </label>
        <input
          id={`${id}-url`}
          name="url"
          type="url"
          required
          maxLength={2000}
          placeholder="https://example.com/webhooks/countermand"
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={`${id}-url-hint${errors.url ? ` ${id}-url-error` : ""}`}
          className={inputClass}
        />
        <FieldHint id={`${id}-url-hint`}>http or https, on a public address.</FieldHint>
        <FieldError id={`${id}-url-error`} message={errors.url} />
      </div>
      <fieldset aria-describedby={errors.eventTypes ? `${id}-types-error` : undefined}>
        <legend className={labelClass}>Event types</legend>
        <label className="mt-2 flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="eventTypes" value="*" className="h-4 w-4" /> All events (*)
        </label>
        <div className="mt-2 grid max-h-56 gap-1 overflow-y-auto rounded-md p-2 ring-1 ring-slate-200 sm:grid-cols-2">
          {eventTypes.map((t) => (
            <label key={t} className="flex min-w-0 items-center gap-2 text-sm">
              <input type="checkbox" name="eventTypes" value={t} className="h-4 w-4 shrink-0" /> <span className="break-all">{t}</span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-types-error`} message={errors.eventTypes} />
      </fieldset>
      <div>
        <label htmlFor={`${id}-description`} className={labelClass}>
          Description
        </label>
        <input id={`${id}-description`} name="description" type="text" maxLength={500} className={inputClass} />
        <FieldError id={`${id}-description-error`} message={errors.description} />
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Registering…" : "Register webhook"}
      </button>
      <div aria-live="polite" className="space-y-2">
        {state && (state.ok || !Object.keys(errors).length) && <ActionOutcome state={state} />}
        {state?.ok && <SecretOnce secret={state.data.secret} />}
      </div>
    </form>
  );
}
