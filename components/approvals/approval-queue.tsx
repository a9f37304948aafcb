"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PendingApprovalViewT } from "@/lib/modules/approvals/contracts/approvals";
import { formatMoney } from "@/lib/platform/money/money";
import { formatAge } from "@/lib/ui/cancellation";
import { formatDateTime, humanizeEnum, plural } from "@/lib/ui/format";
import { apiGet } from "@/components/orders/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { approvalKeys, QUEUE_POLL_MS } from "./query-keys";


export interface QueueFilter {
  level?: string;
  minOrderValue?: number;
}

type Page = { items: PendingApprovalViewT[]; nextCursor: string | null };

/** One row per request: a request can wait for several tasks this approver may sign. */
function byRequest(tasks: PendingApprovalViewT[]) {
  const rows = new Map<string, PendingApprovalViewT & { tasks: PendingApprovalViewT[] }>();
  for (const t of tasks) {
    const row = rows.get(t.requestId);
    if (row) row.tasks.push(t);
    else rows.set(t.requestId, { ...t, tasks: [t] });
  }
  return [...rows.values()];
}

function queuePath(filter: QueueFilter, pageSize: number, cursor: string | null) {
  const q = new URLSearchParams({ status: "PENDING", limit: String(pageSize) });
  if (filter.level) q.set("level", filter.level);
  if (filter.minOrderValue !== undefined) q.set("minOrderValue", String(filter.minOrderValue));
  if (cursor) q.set("cursor", cursor);
  return `/api/v1/approvals?${q}`;
}

/**
 * What this approver may sign, oldest first. The server renders the first page; React Query polls
 * GET /api/v1/approvals so new requests (and ones decided elsewhere) show up without a reload.
 * Pages follow the API's cursors; "Previous" goes back through the cursors already seen.
 */
export function ApprovalQueue({
  initial,
  initialAt,
  filter,
  pageSize,
  reasonLabels,
}: {
  initial: Page;
  initialAt: number;
  filter: QueueFilter;
  pageSize: number;
  reasonLabels: Record<string, string>;
}) {
  // cursors[i] is the cursor of page i + 1 (null for the first page).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const pageNumber = cursors.length;
  const query = useQuery({
    // Keyed by the server render too: after a decision redirects here, the fresh first page the
    // server rendered wins over what an earlier visit left in the cache.
    queryKey: [...approvalKeys.list({ ...filter, cursor }), initialAt],
    queryFn: ({ signal }) => apiGet<Page>(queuePath(filter, pageSize, cursor), signal),
    initialData: cursor === null ? initial : undefined,
    initialDataUpdatedAt: cursor === null ? initialAt : undefined,
    refetchInterval: QUEUE_POLL_MS,
    placeholderData: (previous) => previous,
  });
  const data = query.data ?? { items: [], nextCursor: null };
  const rows = byRequest(data.items);
  const now = query.dataUpdatedAt || initialAt;

  return (
    <div className="space-y-4">
      {query.isRefetchError && (
        <Alert tone="warning" role="alert">
          Could not refresh the queue: {query.error instanceof Error ? query.error.message : "please reload the page"}.
        </Alert>
      )}
      {rows.length === 0 ? (
        <EmptyState
          title={pageNumber > 1 ? "Nothing on this page" : "Nothing waiting for you"}
          action={
            pageNumber > 1 ? (
              <button type="button" className={buttonClass("secondary")} onClick={() => setCursors([null])}>
                Go to the first page
              </button>
            ) : undefined
          }
        >
          {pageNumber > 1
            ? "The queue got shorter meanwhile."
            : filter.level || filter.minOrderValue !== undefined
              ? "Nothing matches these filters right now."
              : "Requests that need your approval level appear here as soon as they are made."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Cancellation requests waiting for approval, oldest first, page {pageNumber}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Request
                </th>
                <th scope="col" className="px-4 py-3">
                  Order
                </th>
                <th scope="col" className="px-4 py-3">
                  Level
                </th>
                <th scope="col" className="hidden px-4 py-3 xl:table-cell">
                  Rule
                </th>
                <th scope="col" className="hidden px-4 py-3 md:table-cell">
                  Requested by
                </th>
                <th scope="col" className="hidden px-4 py-3 lg:table-cell">
                  Reason
                </th>
                <th scope="col" className="hidden px-4 py-3 text-right sm:table-cell">
                  Order value
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Refund
                </th>
                <th scope="col" className="hidden px-4 py-3 text-right sm:table-cell">
                  Age
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.requestId} className="hover:bg-slate-50">
                  <th scope="row" className="px-4 py-3 text-left font-semibold">
                    <Link href={`/approvals/${r.orderId}/${r.requestId}`} className="whitespace-nowrap text-indigo-700 hover:underline">
                      {r.requestNumber}
                    </Link>
                  </th>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-700">{r.orderNumber}</td>
                  <td className="px-4 py-3">
                    <span className="flex flex-wrap gap-1">
                      {r.tasks.map((t) => (
                        <Badge key={t.taskId} tone={t.escalatedFromId ? "red" : "amber"}>
                          {t.level}
                          {t.escalatedFromId ? " (escalated)" : ""}
                        </Badge>
                      ))}
                    </span>
                  </td>
                  <td className="hidden px-4 py-3 text-slate-700 xl:table-cell">{r.tasks.map((t) => t.ruleName ?? t.rule).join(", ")}</td>
                  <td className="hidden px-4 py-3 text-slate-700 md:table-cell">{r.requestedBy}</td>
                  <td className="hidden px-4 py-3 text-slate-700 lg:table-cell">{reasonLabels[r.reasonCode] ?? humanizeEnum(r.reasonCode)}</td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-700 sm:table-cell">{formatMoney(r.orderTotal, r.currency)}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-right font-medium tabular-nums">{formatMoney(r.refundTotal, r.currency)}</td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-right text-slate-600 sm:table-cell">
                    <time dateTime={r.createdAt} title={formatDateTime(r.createdAt)}>
                      {formatAge(r.createdAt, now)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(pageNumber > 1 || data.nextCursor) && (
        <nav aria-label="Approval pages" className="flex items-center justify-between gap-2 text-sm">
          <span className="text-slate-600">
            Page {pageNumber} · {plural(rows.length, "request")}
          </span>
          <span className="flex gap-2">
            {pageNumber > 1 && (
              <button type="button" className={buttonClass("secondary", "sm")} onClick={() => setCursors((c) => c.slice(0, -1))}>
                Previous
              </button>
            )}
            {data.nextCursor && (
              <button type="button" className={buttonClass("secondary", "sm")} onClick={() => setCursors((c) => [...c, data.nextCursor])}>
                Next
              </button>
            )}
          </span>
        </nav>
      )}
      <p className="text-xs text-slate-500">
        Updated <time dateTime={new Date(now).toISOString()}>{formatDateTime(new Date(now))}</time>; checks for new requests every {QUEUE_POLL_MS / 1000} seconds.
      </p>
    </div>
  );
}
