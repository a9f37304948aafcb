"use client";
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import type { CompensationTaskViewT } from "@/lib/modules/cancellations/contracts/cancellations";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { formatAge, taskTypeLabel, units } from "@/lib/ui/cancellation";
import { formatDateTime } from "@/lib/ui/format";
import { apiGet } from "@/components/orders/api-fetch";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";
import { TaskStatusBadge } from "./request-status-badge";
import { taskKeys } from "./query-keys";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

const POLL_MS = 15_000;
const LIMIT = 100;

/**
 * Open compensation tasks of the seller's stores, oldest first. The server renders the first list;
 * React Query keeps it current (polling GET /api/v1/compensation-tasks) and refetches after every
 * confirmation, so work done elsewhere (another seller, the warehouse API) shows up too.
 */
export function TaskQueue({
  initial,
  initialAt,
  completeAction,
  failAction,
}: {
  initial: CompensationTaskViewT[];
  /** When the server read `initial` (ms): ages are counted from the time the list was read. */
  initialAt: number;
  completeAction: Action;
  failAction: Action;
}) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery({
    queryKey: taskKeys.list("OPEN"),
    queryFn: ({ signal }) => apiGet<{ items: CompensationTaskViewT[] }>(`/api/v1/compensation-tasks?status=OPEN&limit=${LIMIT}`, signal),
    initialData: { items: initial },
    initialDataUpdatedAt: initialAt,
    refetchInterval: POLL_MS,
  });
  const tasks = query.data.items;
  const onDone = (message: string | undefined) => {
    setNotice(message ?? "Done.");
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
  };

  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {notice && (
          <Alert tone="success" role="status">
            {notice}
          </Alert>
        )}
      </div>
      {query.isRefetchError && (
        <Alert tone="warning" role="alert">
          Could not refresh the list: {query.error instanceof Error ? query.error.message : "please reload the page"}.
        </Alert>
      )}
      {tasks.length === 0 ? (
        <EmptyState title="No open tasks">
          Manual steps of cancellations — recalling units from the warehouse, putting them back into stock — show up here for your stores.
        </EmptyState>
      ) : (
        <ul aria-label="Open tasks" className="space-y-3">
          {tasks.map((t) => (
            <TaskItem key={t.id} task={t} now={query.dataUpdatedAt} completeAction={completeAction} failAction={failAction} onDone={onDone} />
          ))}
        </ul>
      )}
      <p className="text-xs text-slate-500">
        Updates every {POLL_MS / 1000} seconds{tasks.length >= LIMIT ? ` · showing the oldest ${LIMIT}` : ""}.
      </p>
    </div>
  );
}

function TaskItem({
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
