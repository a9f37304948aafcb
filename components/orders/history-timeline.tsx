"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { HistoryEntryT } from "@/lib/modules/orders/contracts/orders";
import { AGGREGATE_STATUS_LABELS, type AggregateStatus } from "@/lib/modules/orders/domain/order-status";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { lineNamesOf } from "@/lib/ui/amendment-change-text";
import { apiGet } from "./api-fetch";
import { HistoryDescription } from "./history-description";
import { orderKeys } from "./query-keys";

interface HistoryPage {
  items: HistoryEntryT[];
  nextCursor: string | null;
}

const ACTION_LABELS: Record<string, string> = {
  ORDER_CREATED: "Order placed",
  FULFILLMENT_ALLOCATE: "Allocated",
  FULFILLMENT_RELEASE: "Released to warehouse",
  FULFILLMENT_PICK: "Picked",
  FULFILLMENT_PACK: "Packed",
  FULFILLMENT_SHIP: "Shipped",
  FULFILLMENT_DELIVER: "Delivered",
  SHIPMENT_CREATED: "Shipment recorded",
  SHIPMENT_DELIVERED: "Shipment delivered",
  ALLOCATION_EXPIRED: "Allocation expired",
  NOTE_ADDED: "Note added",
  CANCELLATION_REQUESTED: "Cancellation requested",
  APPROVAL_SIGNED: "Approval signed",
  APPROVAL_REJECTED: "Approval rejected",
  APPROVAL_AUTO_APPROVED: "Approved on expiry",
  APPROVAL_ESCALATED: "Approval escalated",
  APPROVAL_EXPIRED: "Approval expired",
  CANCELLATION_EXPIRED: "Cancellation expired",
  // Written by earlier releases; their rows stay in the history.
  CANCELLATION_APPROVAL_SIGNED: "Cancellation approved",
  CANCELLATION_REJECTED: "Cancellation rejected",
  CANCELLATION_WITHDRAWN: "Cancellation withdrawn",
  CANCELLATION_EXECUTED: "Units cancelled",
  COMPENSATION_TASK_COMPLETED: "Task confirmed",
  COMPENSATION_TASK_FAILED: "Task failed",
  CANCELLATION_COMPLETED: "Cancellation completed",
  CANCELLATION_PARTIALLY_COMPLETED: "Cancellation partly completed",
  CANCELLATION_FAILED: "Cancellation failed",
  REFUND_PROCESSED: "Refund paid",
  REFUND_FAILED: "Refund failed",
  AMENDMENT_REQUESTED: "Change requested",
  AMENDMENT_APPLIED: "Change applied",
  AMENDMENT_FAILED: "Change failed",
  AMENDMENT_WITHDRAWN: "Change withdrawn",
  AMENDMENT_EXPIRED: "Change expired",
};

function statusLabel(status: string): string {
  return AGGREGATE_STATUS_LABELS[status as AggregateStatus] ?? humanizeEnum(status);
}

/**
 * The order's audit trail, oldest first. The server renders the first page; older-than-that pages
 * ("Show more") come from GET /api/v1/orders/{id}/history through React Query.
 */
interface Props {
  orderId: string;
  version: number;
  initial: HistoryPage;
  pageSize: number;
  /** The order's lines and currency, to word amendments' line changes ("Unit price of line 1 (SKU-MUG): $20.00 → $18.00"). */
  lines?: readonly { id: string; lineNumber: number; sku: string }[];
  currency?: string;
}

export function HistoryTimeline({ orderId, version, initial, pageSize, lines = [], currency }: Props) {
  const query = useInfiniteQuery({
    queryKey: orderKeys.history(orderId, version),
    queryFn: ({ pageParam, signal }) =>
      apiGet<HistoryPage>(
        `/api/v1/orders/${encodeURIComponent(orderId)}/history?limit=${pageSize}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initial], pageParams: [null] },
    staleTime: Infinity,
  });
  const entries = query.data.pages.flatMap((p) => p.items);
  const lineNames = lineNamesOf(lines);
  if (!entries.length) return <p className="text-sm text-slate-600">No history recorded yet.</p>;

  return (
    <div>
      <ol className="relative space-y-4 border-l border-slate-200 pl-5">
        {entries.map((h) => (
          <li key={h.id} className="relative">
            <span aria-hidden="true" className="absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full bg-indigo-500 ring-4 ring-white" />
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <p className="text-sm font-semibold text-slate-900">{ACTION_LABELS[h.action] ?? humanizeEnum(h.action)}</p>
              <time dateTime={h.createdAt} className="text-xs text-slate-500">
                {formatDateTime(h.createdAt)}
              </time>
            </div>
            <HistoryDescription entry={h} lines={lineNames} currency={currency} />
            <p className="mt-0.5 text-xs text-slate-500">
              by {h.actor}
              {h.oldStatus && h.newStatus && h.oldStatus !== h.newStatus && (
                <>
                  {" "}
                  · status {statusLabel(h.oldStatus)} → <span className="font-medium text-slate-700">{statusLabel(h.newStatus)}</span>
                </>
              )}
            </p>
          </li>
        ))}
      </ol>
      {query.isFetchNextPageError && (
        <Alert tone="error" role="alert" className="mt-3">
          Could not load more history: {query.error instanceof Error ? query.error.message : "please try again"}.
        </Alert>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          className={buttonClass("secondary", "sm", "mt-4")}
        >
          {query.isFetchingNextPage ? "Loading…" : "Show more history"}
        </button>
      )}
    </div>
  );
}
