import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { listPendingApprovals, type PendingApprovalT } from "@/lib/server/cancellations/approval-queue";
import { formatMoney } from "@/lib/domain/money/money";
import { formatDateTime, humanizeEnum, plural } from "@/lib/ui/format";
import { firstParam, parsePage } from "@/lib/ui/paging";
import { formatAge } from "@/lib/ui/cancellation";
import { loadReasonCodes, requestActor } from "@/components/orders/load-order";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Approvals" };

const PAGE_SIZE = 50;
const REFRESH_MS = 15_000;

/** One row per request: a request can wait for several levels this approver may sign. */
function byRequest(tasks: PendingApprovalT[]) {
  const rows = new Map<string, PendingApprovalT & { levels: string[] }>();
  for (const t of tasks) {
    const row = rows.get(t.requestId);
    if (row) row.levels.push(t.level);
    else rows.set(t.requestId, { ...t, levels: [t.level] });
  }
  return [...rows.values()];
}

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const page = parsePage(params.page);
  const decided = firstParam(params.decided);
  const outcome = firstParam(params.outcome);
  const [actor, reasons] = await Promise.all([requestActor(), loadReasonCodes()]);
  const tasks = await listPendingApprovals(db(), actor, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  const more = tasks.length > PAGE_SIZE;
  const rows = byRequest(tasks.slice(0, PAGE_SIZE));
  const reasonLabels = Object.fromEntries(reasons.map((r) => [r.code, r.label]));
  const now = Date.now();
  const justDecided = decided && /^[A-Z]{1,10}-\d{1,12}$/.test(decided) && (outcome === "approved" || outcome === "rejected" || outcome === "signed") ? { number: decided, outcome } : null;

  return (
    <>
      <AutoRefresh intervalMs={REFRESH_MS} />
      <PageHeader
        title="Approvals"
        description={
          <>
            Cancellation requests waiting for {actor.approverLevel ? <>your sign-off (level {humanizeEnum(actor.approverLevel)} and below)</> : "a sign-off"}, oldest
            first. Updates every {REFRESH_MS / 1000} seconds.
          </>
        }
      />
      {justDecided && (
        <Alert tone="success" role="status" className="mb-4">
          {justDecided.outcome === "signed"
            ? `Your approval of cancellation ${justDecided.number} is recorded; it still waits for another approval.`
            : `Cancellation ${justDecided.number} ${justDecided.outcome}.`}
        </Alert>
      )}
      {rows.length === 0 ? (
        <EmptyState
          title={page > 1 ? "Nothing on this page" : "Nothing waiting for you"}
          action={
            page > 1 ? (
              <Link href="/approvals" className={buttonClass("secondary")}>
                Go to the first page
              </Link>
            ) : undefined
          }
        >
          {page > 1 ? "The queue is shorter than that." : "Requests that need your approval level appear here as soon as they are made."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Cancellation requests waiting for approval, oldest first, page {page}</caption>
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
                <th scope="col" className="hidden px-4 py-3 md:table-cell">
                  Requested by
                </th>
                <th scope="col" className="hidden px-4 py-3 lg:table-cell">
                  Reason
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
                      {r.levels.map((l) => (
                        <Badge key={l} tone="amber">
                          {l}
                        </Badge>
                      ))}
                    </span>
                  </td>
                  <td className="hidden px-4 py-3 text-slate-700 md:table-cell">{r.requestedBy}</td>
                  <td className="hidden px-4 py-3 text-slate-700 lg:table-cell">{reasonLabels[r.reasonCode] ?? humanizeEnum(r.reasonCode)}</td>
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
      {(page > 1 || more) && (
        <nav aria-label="Approval pages" className="mt-4 flex items-center justify-between gap-2 text-sm">
          <span className="text-slate-600">
            Page {page} · {plural(rows.length, "request")}
          </span>
          <span className="flex gap-2">
            {page > 1 && (
              <Link href={page === 2 ? "/approvals" : `/approvals?page=${page - 1}`} rel="prev" className={buttonClass("secondary", "sm")}>
                Previous
              </Link>
            )}
            {more && (
              <Link href={`/approvals?page=${page + 1}`} rel="next" className={buttonClass("secondary", "sm")}>
                Next
              </Link>
            )}
          </span>
        </nav>
      )}
    </>
  );
}
