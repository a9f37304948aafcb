"use client";
import type { ActionResult, DataResult } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass } from "@/components/ui/button";
import { ActionOutcome, SecretOnce } from "./action-result";

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
type SecretAction = (prev: DataResult<{ id: string; secret: string }> | null, form: FormData) => Promise<DataResult<{ id: string; secret: string }>>;

/** One button posting one action for this webhook (and delivery), with its outcome below. */
export function ActionButton({ action, label, variant = "secondary", fields }: { action: Action; label: string; variant?: "primary" | "secondary" | "danger"; fields: Record<string, string> }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} aria-label={label} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} className={buttonClass(variant, "sm")}>
        {pending ? "Working…" : label}
      </button>
      <div aria-live="polite">
        <ActionOutcome state={state} />
      </div>
    </form>
  );
}

/** Rotate the secret; the new one is shown once. */
export function RotateSecretButton({ action, webhookId }: { action: SecretAction; webhookId: string }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} aria-label="Rotate secret" className="space-y-2">
      <input type="hidden" name="webhookId" value={webhookId} />
      <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
        {pending ? "Rotating…" : "Rotate secret"}
      </button>
      <div aria-live="polite" className="space-y-2">
        <ActionOutcome state={state} />
        {state?.ok && <SecretOnce secret={state.data.secret} />}
      </div>
    </form>
  );
}
