"use client";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass } from "@/components/ui/button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** The requester takes back a request that is still waiting for approval. */
export function WithdrawRequestForm({ orderId, requestId, number, action }: { orderId: string; requestId: string; number: string; action: Action }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} aria-label={`Withdraw ${number}`} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="requestId" value={requestId} />
      <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
        {pending ? "Withdrawing…" : "Withdraw"}
      </button>
      <span aria-live="polite" className="text-sm">
        {state?.ok && <span className="text-emerald-700">{state.message}</span>}
        {state && !state.ok && (
          <span role="alert" className="text-rose-700">
            {state.message}
          </span>
        )}
      </span>
    </form>
  );
}
