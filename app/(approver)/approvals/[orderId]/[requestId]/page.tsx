import type { Metadata } from "next";
import Link from "next/link";
import { formatMoney } from "@/lib/platform/money/money";
import { canSign } from "@/lib/modules/approvals/domain/signing";
import type { ApproverLevel } from "@/lib/platform/auth/permissions";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { displayFromRequest, feasibilityLabel, isRequestedBy, pendingLevels } from "@/lib/ui/cancellation";
import { HISTORY_PAGE_SIZE, loadCancellation, loadOrder, loadOrderHistory, loadOrderNotes, loadReasonCodes, requestActor } from "@/components/orders/load-order";
import { HistoryTimeline } from "@/components/orders/history-timeline";
import { NotesList } from "@/components/orders/notes-list";
import { Badge } from "@/components/ui/badge";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { AssessmentSummary } from "@/components/cancellations/assessment-summary";
import { RequestStatusBadge } from "@/components/cancellations/request-status-badge";
import { DecisionForms } from "@/components/cancellations/decision-forms";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { DescriptionList } from "@/components/ui/description-list";
import { approveRequestAction, rejectRequestAction } from "./actions";

type Props = { params: Promise<{ orderId: string; requestId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { orderId, requestId } = await params;
  const request = await loadCancellation(orderId, requestId);
  return { title: `Cancellation ${request.number}` };
}

export default async function ApprovalRequestPage({ params }: Props) {
  const { orderId, requestId } = await params;
  const [request, order, reasons, actor, history, notes] = await Promise.all([
    loadCancellation(orderId, requestId),
    loadOrder(orderId),
    loadReasonCodes(),
    requestActor(),
    loadOrderHistory(orderId),
    loadOrderNotes(orderId),
  ]);
  const money = (n: number) => formatMoney(n, order.currency);
  const waiting = pendingLevels(request);
  const mine = waiting.filter((l) => canSign(actor.approverLevel, l as ApproverLevel));
  const own = isRequestedBy(request.requestedBy, actor.email);
  const reasonLabel = reasons.find((r) => r.code === request.reasonCode)?.label ?? humanizeEnum(request.reasonCode);
  const share = order.totals.total > 0 ? Math.round((request.refund.total / order.totals.total) * 100) : 0;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/approvals" className="hover:text-indigo-700 hover:underline">
            ← Approvals
          </Link>
        }
        title={`Cancellation ${request.number}`}
        badge={<RequestStatusBadge status={request.status} />}
        description={
          <>
            Order {order.number} · requested by {request.requestedBy} on <time dateTime={request.createdAt}>{formatDateTime(request.createdAt)}</time>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Assessment" titleId="assessment">
            <AssessmentSummary
              assessment={displayFromRequest(request)}
              currency={order.currency}
              audience="staff"
              itemNames={Object.fromEntries(order.lines.map((l) => [l.id, l.itemName]))}
            />
          </Card>
          <Card title="Approvals and the rules that asked for them" titleId="approval-tasks">
            {request.approvals.length === 0 ? (
              <p className="p-4 text-sm text-slate-600">No approval was needed.</p>
            ) : (
              <ul aria-label="Approval tasks" className="divide-y divide-slate-100 text-sm">
                {request.approvals.map((t) => (
                  <li key={t.id} aria-label={`${t.level} approval`} className="space-y-1 px-4 py-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge tone={t.status === "PENDING" ? "amber" : t.status === "APPROVED" ? "green" : t.status === "REJECTED" ? "red" : "gray"}>{t.level}</Badge>
                      <span className="font-medium">{humanizeEnum(t.status)}</span>
                      {t.ruleName && <span className="text-slate-600">· rule “{t.ruleName}”</span>}
                      {t.escalatedFromId && <Badge tone="red">Escalated</Badge>}
                    </div>
                    <p className="text-slate-700">{t.reason}</p>
                    {t.reviewer && (
                      <p className="text-slate-600">
                        {humanizeEnum(t.status)} by {t.reviewer}
                        {t.decidedAt && (
                          <>
                            {" "}
                            on <time dateTime={t.decidedAt}>{formatDateTime(t.decidedAt)}</time>
                          </>
                        )}
                        {t.comment ? `: “${t.comment}”` : ""}
                      </p>
                    )}
                    {t.status === "PENDING" && t.expiresAt && (
                      <p className="text-slate-600">
                        Expires <time dateTime={t.expiresAt}>{formatDateTime(t.expiresAt)}</time>
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="History" titleId="history">
            <HistoryTimeline orderId={order.id} version={order.version} initial={history} pageSize={HISTORY_PAGE_SIZE} />
          </Card>
          <Card title="Notes" titleId="notes">
            <NotesList notes={notes} showVisibility emptyText="No notes on this order." />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Decision" titleId="decision">
            {request.status !== "PENDING_APPROVAL" ? (
              <p className="text-sm text-slate-700">This request is no longer waiting for approval.</p>
            ) : own ? (
              <Alert tone="warning">You made this request, so someone else has to decide it.</Alert>
            ) : mine.length === 0 ? (
              <Alert tone="warning">
                This request waits for {waiting.join(" + ")} approval; your level is {actor.approverLevel ?? "none"}.
              </Alert>
            ) : (
              <>
                <p className="mb-4 text-sm text-slate-700">
                  You sign the {mine.join(" + ")} approval
                  {mine.length < waiting.length ? `; ${waiting.filter((l) => !mine.includes(l)).join(" + ")} approval is still needed after yours` : ""}. Approving
                  cancels the units and refunds {money(request.refund.total)} at once.
                </p>
                <DecisionForms orderId={order.id} requestId={request.id} number={request.number} approveAction={approveRequestAction} rejectAction={rejectRequestAction} />
              </>
            )}
          </Card>
          <Card title="Money impact" titleId="money">
            <DescriptionList
              items={[
                { label: "This refund", value: money(request.refund.total), strong: true },
                { label: "Order total", value: money(order.totals.total) },
                { label: "Share of the order", value: `${share}%` },
                { label: "Refunded before", value: money(order.totals.refunded) },
                ...request.refund.byTender.map((t) => ({ label: `To ${humanizeEnum(t.method)}`, value: money(t.amount) })),
              ]}
            />
          </Card>
          <Card title="Request" titleId="request">
            <DescriptionList
              items={[
                { label: "Type", value: humanizeEnum(request.cancellationType) },
                { label: "Reason", value: reasonLabel },
                ...(request.reasonText ? [{ label: "Note", value: <span className="whitespace-pre-wrap">{request.reasonText}</span> }] : []),
                { label: "Refund method", value: humanizeEnum(request.refundMethod) },
                { label: "Damaged goods", value: request.damaged ? "Yes (written off)" : "No" },
                { label: "Feasibility", value: feasibilityLabel(request.assessment.feasibility) },
              ]}
            />
          </Card>
          <Card title="Order" titleId="order">
            <DescriptionList
              items={[
                { label: "Order", value: order.number },
                { label: "Status", value: <OrderStatusBadge status={order.status} label={order.statusLabel} /> },
                { label: "Customer type", value: humanizeEnum(order.customerType) },
                { label: "Buyer", value: order.buyerEmail },
              ]}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
