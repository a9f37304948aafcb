"use client";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass } from "@/components/ui/button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** "Cancel return": calls a return off before its units arrive; the units can be returned again. */
export function CancelReturnForm({ returnId, number, orderId, action }: { returnId: string; number: string; orderId: string; action: Action }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} aria-label={`Cancel return ${number}`} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="returnId" value={returnId} />
      <input type="hidden" name="orderId" value={orderId} />
      <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
        {pending ? "Cancelling…" : "Cancel return"}
      </button>
      <span aria-live="polite" className="text-sm">
        {state && !state.ok && <span role="alert" className="text-rose-700">{state.message}</span>}
        {state?.ok && <span className="text-emerald-700">{state.message}</span>}
      </span>
    </form>
  );
}
