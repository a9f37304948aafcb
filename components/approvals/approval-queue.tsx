"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PendingApprovalViewT } from "@/lib/modules/approvals/contracts/approvals";
import { formatDateTime } from "@/lib/ui/format";
import { apiGet } from "@/components/orders/api-fetch";
import { Alert } from "@/components/ui/alert";
import { approvalKeys, QUEUE_POLL_MS } from "./query-keys";
import { byRequest, QueueEmpty, QueuePager, QueueTable } from "./queue-table";

export interface QueueFilter {
  level?: string;
  minOrderValue?: number;
}

type Page = { items: PendingApprovalViewT[]; nextCursor: string | null };

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
        <QueueEmpty pageNumber={pageNumber} filtered={Boolean(filter.level) || filter.minOrderValue !== undefined} onFirstPage={() => setCursors([null])} />
      ) : (
        <QueueTable rows={rows} pageNumber={pageNumber} reasonLabels={reasonLabels} now={now} />
      )}
      <QueuePager
        pageNumber={pageNumber}
        count={rows.length}
        nextCursor={data.nextCursor}
        onPrevious={() => setCursors((c) => c.slice(0, -1))}
        onNext={() => setCursors((c) => [...c, data.nextCursor])}
      />
      <p className="text-xs text-slate-500">
        Updated <time dateTime={new Date(now).toISOString()}>{formatDateTime(new Date(now))}</time>; checks for new requests every {QUEUE_POLL_MS / 1000} seconds.
      </p>
    </div>
  );
}
