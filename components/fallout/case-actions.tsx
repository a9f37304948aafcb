"use client";
import { useId } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Retry, resolve with evidence, abandon with a reason — the three ways OPS works a fallout case. */
export function CaseActions({
  caseId,
  canRetry,
  retryAction,
  resolveAction,
  abandonAction,
}: {
  caseId: string;
  canRetry: boolean;
  retryAction: Action;
  resolveAction: Action;
  abandonAction: Action;
}) {
  return (
    <div className="space-y-5">
      {canRetry && <RetryForm caseId={caseId} action={retryAction} />}
      <TextForm caseId={caseId} action={resolveAction} field="evidence" label="Evidence" submit="Resolve" variant="primary" placeholder="e.g. refunded by bank transfer, ticket FIN-123" hint="What was done to repair it. Required." />
      <TextForm caseId={caseId} action={abandonAction} field="reason" label="Reason to abandon" submit="Abandon" variant="danger" placeholder="e.g. handled as a return instead" hint="The step is given up; the request ends partially completed." />
    </div>
  );
}

function Result({ state }: { state: ActionState }) {
  if (!state) return null;
  return (
    <Alert tone={state.ok ? "success" : "error"} role={state.ok ? "status" : "alert"}>
      {state.message}
    </Alert>
  );
}

function RetryForm({ caseId, action }: { caseId: string; action: Action }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} aria-label="Retry the task" className="space-y-2">
      <input type="hidden" name="caseId" value={caseId} />
      <p className="text-sm text-slate-700">Try the step again, e.g. once the payment processor is healthy again.</p>
      <button type="submit" disabled={pending} className={buttonClass("secondary")}>
        {pending ? "Retrying…" : "Retry now"}
      </button>
      <div aria-live="polite">
        <Result state={state} />
      </div>
    </form>
  );
}

function TextForm({
  caseId,
  action,
  field,
  label,
  submit,
  variant,
  placeholder,
  hint,
}: {
  caseId: string;
  action: Action;
  field: string;
  label: string;
  submit: string;
  variant: "primary" | "danger";
  placeholder: string;
  hint: string;
}) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const fieldError = state && !state.ok ? state.fieldErrors[field] : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label={submit} className="space-y-1">
      <input type="hidden" name="caseId" value={caseId} />
      <label htmlFor={`${id}-${field}`} className={labelClass}>
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {hint}
      </p>
      <div className="flex gap-2">
        <input
          id={`${id}-${field}`}
          name={field}
          type="text"
          maxLength={2000}
          autoComplete="off"
          placeholder={placeholder}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-hint${fieldError ? ` ${id}-${field}-error` : ""}`}
          className={inputClass}
        />
        <button type="submit" disabled={pending} className={buttonClass(variant, "md", "shrink-0")}>
          {pending ? "Saving…" : submit}
        </button>
      </div>
      <FieldError id={`${id}-${field}-error`} message={fieldError} />
      {state && (state.ok || !fieldError) && <Result state={state} />}
    </form>
  );
}
