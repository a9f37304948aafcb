import { levelLabel } from "@/lib/ui/approver-words";
// The approver queue's table, pager and empty state: one row per subject, with the tasks of it
// this approver may sign.
import Link from "next/link";
import type { PendingApprovalViewT } from "@/lib/modules/approvals/contracts/approvals";
import { formatMoney } from "@/lib/platform/money/money";
import { formatAge } from "@/lib/ui/cancellation";
import { formatDateTime, humanizeEnum, plural } from "@/lib/ui/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";

/** One row per request: a request can wait for several tasks this approver may sign. */
export function byRequest(tasks: PendingApprovalViewT[]) {
  const rows = new Map<string, PendingApprovalViewT & { tasks: PendingApprovalViewT[] }>();
  for (const t of tasks) {
    const key = `${t.subjectType}:${t.requestId}`;
    const row = rows.get(key);
    if (row) row.tasks.push(t);
    else rows.set(key, { ...t, tasks: [t] });
  }
  return [...rows.values()];
}

type Row = ReturnType<typeof byRequest>[number];

export function QueueEmpty({ pageNumber, filtered, onFirstPage }: { pageNumber: number; filtered: boolean; onFirstPage: () => void }) {
  return (
    <EmptyState
      title={pageNumber > 1 ? "Nothing on this page" : "Nothing waiting for you"}
      action={
        pageNumber > 1 ? (
          <button type="button" className={buttonClass("secondary")} onClick={onFirstPage}>
            Go to the first page
          </button>
        ) : undefined
      }
    >
      {pageNumber > 1
        ? "The queue got shorter meanwhile."
        : filtered
          ? "Nothing matches these filters right now."
          : "Requests that need your approval level appear here as soon as they are made."}
    </EmptyState>
  );
}

const COLUMNS: { label: string; className: string }[] = [
  { label: "Request", className: "px-4 py-3" },
  { label: "Order", className: "px-4 py-3" },
  { label: "Level", className: "px-4 py-3" },
  { label: "Rule", className: "hidden px-4 py-3 xl:table-cell" },
  { label: "Requested by", className: "hidden px-4 py-3 md:table-cell" },
  { label: "Reason", className: "hidden px-4 py-3 lg:table-cell" },
  { label: "Order value", className: "hidden px-4 py-3 text-right sm:table-cell" },
  { label: "Refund", className: "px-4 py-3 text-right" },
  { label: "Age", className: "hidden px-4 py-3 text-right sm:table-cell" },
];

/** Where an approver decides a subject: its own page per kind. */
function approvalHref(r: { subjectType: string; orderId: string; requestId: string }): string {
  if (r.subjectType === "AMENDMENT") return `/approvals/amendments/${r.orderId}/${r.requestId}`;
  if (r.subjectType === "RETURN") return `/approvals/returns/${r.orderId}/${r.requestId}`;
  return `/approvals/${r.orderId}/${r.requestId}`;
}

function QueueRow({ r, reasonLabels, now }: { r: Row; reasonLabels: Record<string, string>; now: number }) {
  return (
    <tr className="hover:bg-slate-50">
      <th scope="row" className="px-4 py-3 text-left font-semibold">
        <Link href={approvalHref(r)} title={r.label} className="whitespace-nowrap text-indigo-700 hover:underline">
          {r.requestNumber}
        </Link>
      </th>
      <td className="whitespace-nowrap px-4 py-3 text-slate-700">{r.orderNumber}</td>
      <td className="px-4 py-3">
        <span className="flex flex-wrap gap-1">
          {r.tasks.map((t) => (
            <Badge key={t.taskId} tone={t.escalatedFromId ? "red" : "amber"}>
              {levelLabel(t.level)}
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
  );
}

export function QueueTable({ rows, pageNumber, reasonLabels, now }: { rows: Row[]; pageNumber: number; reasonLabels: Record<string, string>; now: number }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Requests waiting for approval, oldest first, page {pageNumber}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.label} scope="col" className={c.className}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <QueueRow key={`${r.subjectType}:${r.requestId}`} r={r} reasonLabels={reasonLabels} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function QueuePager({ pageNumber, count, nextCursor, onPrevious, onNext }: { pageNumber: number; count: number; nextCursor: string | null; onPrevious: () => void; onNext: () => void }) {
  if (pageNumber === 1 && !nextCursor) return null;
  return (
    <nav aria-label="Approval pages" className="flex items-center justify-between gap-2 text-sm">
      <span className="text-slate-600">
        Page {pageNumber} · {plural(count, "request")}
      </span>
      <span className="flex gap-2">
        {pageNumber > 1 && (
          <button type="button" className={buttonClass("secondary", "sm")} onClick={onPrevious}>
            Previous
          </button>
        )}
        {nextCursor && (
          <button type="button" className={buttonClass("secondary", "sm")} onClick={onNext}>
            Next
          </button>
        )}
      </span>
    </nav>
  );
}

