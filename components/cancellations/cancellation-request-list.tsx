import { approversPhrase } from "@/lib/ui/approver-words";
import type { CancellationViewT } from "@/lib/modules/cancellations/contracts/cancellations";
import { formatMoney } from "@/lib/platform/money/money";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { needReturnPhrase, pendingLevels, requestUnits, stagePhrase, taskTypeLabel, units } from "@/lib/ui/cancellation";
import { RequestStatusBadge, TaskStatusBadge } from "./request-status-badge";

/** Requests that ended without executing: nothing was or will be refunded. */
const NO_REFUND = new Set(["REJECTED", "WITHDRAWN", "EXPIRED"]);

/**
 * An order's cancellation requests, newest first: number, status, units, refund and what is still
 * open, as the reader's part of the order shows them (lib/modules/orders/server/scope.ts). Sellers
 * (`showTasks`) also see the compensation tasks. `actions` renders per-request buttons (the buyer's Withdraw).
 */
export function CancellationRequestList({
  requests,
  currency,
  reasonLabels,
  showTasks = false,
  showRequester = false,
  actions,
}: {
  requests: CancellationViewT[];
  currency: string;
  reasonLabels: Record<string, string>;
  showTasks?: boolean;
  showRequester?: boolean;
  actions?: (request: CancellationViewT) => React.ReactNode;
}) {
  const money = (n: number) => formatMoney(n, currency);
  if (!requests.length) return <p className="text-sm text-slate-600">No cancellation requests.</p>;
  return (
    <ul aria-label="Cancellation requests" className="divide-y divide-slate-100">
      {requests.map((r) => {
        const lines = r.lines;
        const { requested, cancelled } = requestUnits({ lines });
        const tasks = showTasks ? r.compensationTasks : [];
        return (
          <li key={r.id} aria-label={`Cancellation ${r.number}`} className="py-3 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold text-slate-900">{r.number}</span>
                <RequestStatusBadge status={r.status} />
              </div>
              <RefundSummary request={r} money={money} />
            </div>
            <p className="mt-0.5 text-xs text-slate-500">
              <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
              {showRequester && <> · by {r.requestedBy}</>} · {reasonLabels[r.reasonCode] ?? humanizeEnum(r.reasonCode)}
              {r.reasonText && <> — “{r.reasonText}”</>}
            </p>
            <ul className="mt-1.5 space-y-0.5 text-sm text-slate-700">
              {lines.map((l) => (
                <li key={l.orderLineId}>
                  <span className="font-mono text-xs">{l.sku}</span>: {units(l.requestedQuantity)}
                  {stagePhrase(l.byStage) && <span className="text-slate-500"> ({stagePhrase(l.byStage)})</span>}
                  {l.cancelledQuantity > 0 && <> · {l.cancelledQuantity} cancelled</>}
                  {l.blockedQuantity > 0 && <span className="text-amber-700"> · {needReturnPhrase(l.blockedQuantity)}</span>}
                </li>
              ))}
            </ul>
            <p className="sr-only">
              {units(requested)} requested, {cancelled} cancelled.
            </p>
            <RequestNotes request={r} />
            {tasks.length > 0 && <FollowUpTasks request={r} money={money} />}
            {actions && <div className="mt-2">{actions(r)}</div>}
          </li>
        );
      })}
    </ul>
  );
}

type Money = (minor: number) => string;

/** The refund a request carries (if approved, when still pending) and how much of it was paid. */
function RefundSummary({ request: r, money }: { request: CancellationViewT; money: Money }) {
  return (
    <div className="text-right text-sm tabular-nums">
      {NO_REFUND.has(r.status) ? (
        <span className="text-slate-500">No refund</span>
      ) : (
        <>
          <span className="font-semibold text-slate-900">
            Refund {money(r.refund.total)}
            {r.status === "PENDING_APPROVAL" && <span className="font-normal text-slate-600"> if approved</span>}
          </span>
          {r.refund.refunded > 0 && <span className="block text-xs text-slate-600">{money(r.refund.refunded)} refunded</span>}
        </>
      )}
    </div>
  );
}

/** The compensation tasks of a request, for sellers. */
function FollowUpTasks({ request: r, money }: { request: CancellationViewT; money: Money }) {
  const skuOf = new Map(r.lines.map((l) => [l.orderLineId, l.sku]));
  return (
    <ul aria-label={`Follow-up tasks of ${r.number}`} className="mt-2 space-y-1 rounded-md bg-slate-50 px-3 py-2 text-sm">
      {r.compensationTasks.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
          <span className="font-medium text-slate-800">{taskTypeLabel(t.type)}</span>
          {t.orderLineId && <span className="font-mono text-xs text-slate-600">{skuOf.get(t.orderLineId)}</span>}
          {t.quantity !== null && t.type !== "ISSUE_REFUND" && (
            <span className="text-slate-600">
              {units(t.quantity)}
              {t.stage && ` ${t.stage.toLowerCase()}`}
            </span>
          )}
          {t.amount !== null && <span className="tabular-nums text-slate-600">{money(t.amount)}</span>}
          <span className="text-xs text-slate-500">{t.mode === "MANUAL" ? "manual" : "automatic"}</span>
          <TaskStatusBadge status={t.status} />
          {t.lastError && <span className="w-full text-xs text-rose-700">{t.lastError}</span>}
        </li>
      ))}
    </ul>
  );
}

/** What a request waits for, or why it was rejected or failed. */
function RequestNotes({ request: r }: { request: CancellationViewT }) {
  const waiting = pendingLevels(r);
  return (
    <>
      {waiting.length > 0 && <p className="mt-1 text-sm text-amber-800">Waiting for approval by {approversPhrase(waiting).toLowerCase()}.</p>}
      {r.status === "REJECTED" && r.approvals.some((a) => a.status === "REJECTED" && a.comment) && (
        <p className="mt-1 text-sm text-rose-800">Rejected: {r.approvals.find((a) => a.status === "REJECTED")!.comment}</p>
      )}
      {r.status === "FAILED" && r.failureReason && <p className="mt-1 text-sm text-rose-800">Failed: {r.failureReason}</p>}
    </>
  );
}
