"use client";
import { useId } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Approve (optional comment) or reject (comment required) one cancellation request. */
export function DecisionForms({
  orderId,
  requestId,
  number,
  approveAction,
  rejectAction,
}: {
  orderId: string;
  requestId: string;
  number: string;
  approveAction: Action;
  rejectAction: Action;
}) {
  return (
    <div className="space-y-5">
      <DecisionForm orderId={orderId} requestId={requestId} kind="approve" number={number} action={approveAction} />
      <div className="border-t border-slate-100 pt-4">
        <DecisionForm orderId={orderId} requestId={requestId} kind="reject" number={number} action={rejectAction} />
      </div>
    </div>
  );
}

function DecisionForm({ orderId, requestId, number, kind, action }: { orderId: string; requestId: string; number: string; kind: "approve" | "reject"; action: Action }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const approve = kind === "approve";
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label={`${approve ? "Approve" : "Reject"} ${number}`} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="requestId" value={requestId} />
      <label htmlFor={`${id}-comment`} className={labelClass}>
        {approve ? (
          <>
            Approval comment <span className="font-normal text-slate-500">(optional)</span>
          </>
        ) : (
          <>
            Rejection comment <span className="font-normal text-slate-500">(required)</span>
          </>
        )}
      </label>
      <textarea
        id={`${id}-comment`}
        name="comment"
        rows={2}
        maxLength={2000}
        aria-invalid={errors.comment ? true : undefined}
        aria-describedby={errors.comment ? `${id}-comment-error` : undefined}
        className={inputClass}
      />
      <FieldError id={`${id}-comment-error`} message={errors.comment} />
      <button type="submit" disabled={pending} className={buttonClass(approve ? "primary" : "danger")}>
        {pending ? (approve ? "Approving…" : "Rejecting…") : approve ? "Approve" : "Reject"}
      </button>
      {state && !state.ok && !errors.comment && (
        <Alert tone="error" role="alert">
          {state.message}
        </Alert>
      )}
    </form>
  );
}
