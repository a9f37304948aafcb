import type { Metadata } from "next";
import Link from "next/link";
import { formatMoney } from "@/lib/platform/money/money";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { displayFromRequest } from "@/lib/ui/cancellation";
import { HISTORY_PAGE_SIZE, loadCancellation, loadOrder, loadOrderHistory, loadOrderNotes, loadReasonCodes, requestActor } from "@/components/orders/load-order";
import { HistoryTimeline } from "@/components/orders/history-timeline";
import { NotesList } from "@/components/orders/notes-list";
import { AssessmentSummary } from "@/components/cancellations/assessment-summary";
import { RequestStatusBadge } from "@/components/cancellations/request-status-badge";
import { DecisionForms } from "@/components/cancellations/decision-forms";
import { ApprovalTaskList } from "@/components/approvals/approval-task-list";
import { DecisionPanel } from "@/components/approvals/decision-panel";
import { RequestFacts } from "@/components/approvals/request-facts";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import type { CancellationViewT } from "@/lib/modules/cancellations/contracts/cancellations";
import { approveRequestAction, rejectRequestAction } from "./actions";

type Props = { params: Promise<{ orderId: string; requestId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { orderId, requestId } = await params;
  const request = await loadCancellation(orderId, requestId);
  return { title: `Cancellation ${request.number}` };
}

function RequestHeader({ request, orderNumber }: { request: CancellationViewT; orderNumber: string }) {
  return (
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
          Order {orderNumber} · requested by {request.requestedBy} on <time dateTime={request.createdAt}>{formatDateTime(request.createdAt)}</time>
        </>
      }
    />
  );
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
  const reasonLabel = reasons.find((r) => r.code === request.reasonCode)?.label ?? humanizeEnum(request.reasonCode);

  return (
    <>
      <RequestHeader request={request} orderNumber={order.number} />
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
            <ApprovalTaskList tasks={request.approvals} />
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
            <DecisionPanel
              subject={{
                pending: request.status === "PENDING_APPROVAL",
                approvals: request.approvals,
                requestedBy: request.requestedBy,
                effect: `Approving cancels the units and refunds ${formatMoney(request.refund.total, order.currency)} at once.`,
              }}
              actor={actor}
              decisionForms={<DecisionForms orderId={order.id} requestId={request.id} number={request.number} approveAction={approveRequestAction} rejectAction={rejectRequestAction} />}
            />
          </Card>
          <RequestFacts request={request} order={order} reasonLabel={reasonLabel} />
        </div>
      </div>
    </>
  );
}
