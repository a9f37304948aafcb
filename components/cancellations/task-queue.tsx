"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CompensationTaskViewT } from "@/lib/modules/cancellations/contracts/cancellations";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { apiGet } from "@/components/orders/api-fetch";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { TaskItem } from "./task-item";
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
