"use client";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass } from "@/components/ui/button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Runs the periodic reconciliation now and says what it found; the page below shows the findings. */
export function RunReconciliationButton({ action }: { action: Action }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} aria-label="Run reconciliation" className="flex flex-wrap items-center justify-end gap-3">
      <div aria-live="polite" className="text-sm">
        {state && <span className={state.ok ? "text-emerald-700" : "text-rose-700"}>{state.message}</span>}
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary", "sm")}>
        {pending ? "Running…" : "Run now"}
      </button>
    </form>
  );
}
