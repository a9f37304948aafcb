"use client";
import { useId } from "react";
import type { ActionResult } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";
import { ActionOutcome } from "./action-result";

/** Replay every subscribed event written between two moments (the browser's local time). */
export function ReplayForm({ webhookId, action }: { webhookId: string; action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult> }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Replay events" className="space-y-3">
      <input type="hidden" name="webhookId" value={webhookId} />
      <input type="hidden" name="tzOffset" value={String(new Date().getTimezoneOffset())} suppressHydrationWarning />
      {(["from", "to"] as const).map((name) => (
        <div key={name}>
          <label htmlFor={`${id}-${name}`} className={labelClass}>
            {name === "from" ? "From" : "To"}
          </label>
          <input
            id={`${id}-${name}`}
            name={name}
            type="datetime-local"
            step={1}
            aria-invalid={errors[name] ? true : undefined}
            aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
            className={inputClass}
          />
          <FieldError id={`${id}-${name}-error`} message={errors[name]} />
        </div>
      ))}
      <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
        {pending ? "Replaying…" : "Replay"}
      </button>
      <div aria-live="polite">{state && (state.ok || !Object.keys(errors).length) && <ActionOutcome state={state} />}</div>
    </form>
  );
}
