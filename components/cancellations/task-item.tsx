import Link from "next/link";
import { useEffect, useId, useRef } from "react";
import type { CompensationTaskViewT } from "@/lib/modules/cancellations/contracts/cancellations";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { formatAge, taskTypeLabel, units } from "@/lib/ui/cancellation";
import { formatDateTime } from "@/lib/ui/format";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";
import { TaskStatusBadge } from "./request-status-badge";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** One task of the queue: what to do, for which order and how long it waits; a pending manual task can be confirmed or reported failed. */
export function TaskItem({
  task: t,
  now,
  completeAction,
  failAction,
  onDone,
}: {
  task: CompensationTaskViewT;
  now: number;
  completeAction: Action;
  failAction: Action;
  onDone: (message: string | undefined) => void;
}) {
  const type = taskTypeLabel(t.type);
  const what = `${type} ${t.sku ?? ""}`.trim();
  const workable = t.mode === "MANUAL" && t.status === "PENDING";
  return (
    <li aria-label={`${what}, order ${t.orderNumber}`} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="min-w-0">
          <h2 className="font-semibold text-slate-900">
            {type}
            {t.sku && <span className="ml-2 font-mono text-sm font-normal text-slate-700">{t.sku}</span>}
          </h2>
          <p className="text-sm text-slate-700">
            {t.quantity !== null && units(t.quantity)}
            {t.stage && <> · {t.stage.toLowerCase()}</>}
            {t.storeCode && <> · store {t.storeCode}</>}
          </p>
          <p className="mt-0.5 text-xs text-slate-500">
            Order{" "}
            <Link href={`/seller/orders/${t.orderId}`} className="font-medium text-indigo-700 hover:underline">
              {t.orderNumber}
            </Link>
            {t.cancellationNumber && <> · {t.cancellationNumber}</>} ·{" "}
            <time dateTime={t.createdAt} title={formatDateTime(t.createdAt)}>
              {formatAge(t.createdAt, now)} old
            </time>
          </p>
        </div>
        <div className="flex items-center gap-2">
          <span className="text-xs text-slate-500">{t.mode === "MANUAL" ? "Manual" : "Automatic"}</span>
          <TaskStatusBadge status={t.status} />
        </div>
      </div>
      {t.lastError && <p className="mt-1 text-sm text-rose-700">Last error: {t.lastError}</p>}
      {workable ? (
        <div className="mt-3 grid gap-3 md:grid-cols-2">
          <TaskForm taskId={t.id} what={what} kind="confirm" action={completeAction} onDone={onDone} />
          <TaskForm taskId={t.id} what={what} kind="fail" action={failAction} onDone={onDone} />
        </div>
      ) : (
        t.mode !== "MANUAL" && <p className="mt-1 text-xs text-slate-500">Runs by itself; nothing to do here.</p>
      )}
    </li>
  );
}

function TaskForm({
  taskId,
  what,
  kind,
  action,
  onDone,
}: {
  taskId: string;
  what: string;
  kind: "confirm" | "fail";
  action: Action;
  onDone: (message: string | undefined) => void;
}) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const reported = useRef<unknown>(null);
  useEffect(() => {
    if (state?.ok && reported.current !== state) {
      reported.current = state;
      onDone(state.message);
    }
  }, [state, onDone]);
  const field = kind === "confirm" ? "evidence" : "reason";
  const errors = state && !state.ok ? state.fieldErrors : {};
  const fieldError = errors[field];
  const label = kind === "confirm" ? "Evidence" : "Failure reason";
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label={`${kind === "confirm" ? "Confirm" : "Report failure of"} ${what}`} className="space-y-2">
      <input type="hidden" name="taskId" value={taskId} />
      <div>
        <label htmlFor={`${id}-${field}`} className={labelClass}>
          {label}
          <span className="sr-only"> for {what}</span>
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id={`${id}-${field}`}
            name={field}
            type="text"
            maxLength={2000}
            autoComplete="off"
            placeholder={kind === "confirm" ? "e.g. back on shelf A-12" : "e.g. units not found"}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-${field}-error` : undefined}
            className={inputClass}
          />
          <button type="submit" disabled={pending} className={buttonClass(kind === "confirm" ? "primary" : "secondary", "md", "shrink-0")}>
            {pending ? "Saving…" : kind === "confirm" ? "Confirm" : "Report failure"}
          </button>
        </div>
        <FieldError id={`${id}-${field}-error`} message={fieldError} />
      </div>
      {state && !state.ok && !fieldError && (
        <Alert tone="error" role="alert">
          {state.message}
        </Alert>
      )}
    </form>
  );
}
