import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/ui/format";
import { STATUS_WORDS } from "@/lib/ui/amendment-words";
import { HISTORY_PAGE_SIZE, loadAmendment, loadOrder, loadOrderHistory, requestActor } from "@/components/orders/load-order";
import { HistoryTimeline } from "@/components/orders/history-timeline";
import { DeliveryDetails } from "@/components/orders/delivery-details";
import { AmendmentChanges } from "@/components/amendments/amendment-changes";
import { AmendmentMoneyImpact } from "@/components/amendments/amendment-money-impact";
import { lineNamesOf } from "@/lib/ui/amendment-change-text";
import { ApprovalTaskList } from "@/components/approvals/approval-task-list";
import { DecisionPanel } from "@/components/approvals/decision-panel";
import { DecisionForms } from "@/components/cancellations/decision-forms";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { approveAmendmentAction, rejectAmendmentAction } from "./actions";

type Props = { params: Promise<{ orderId: string; requestId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { orderId, requestId } = await params;
  return { title: `Amendment ${(await loadAmendment(orderId, requestId)).number}` };
}

export default async function AmendmentApprovalPage({ params }: Props) {
  const { orderId, requestId } = await params;
  const [a, order, actor, history] = await Promise.all([loadAmendment(orderId, requestId), loadOrder(orderId), requestActor(), loadOrderHistory(orderId)]);
  const lines = lineNamesOf(order.lines);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/approvals" className="hover:text-indigo-700 hover:underline">
            ← Approvals
          </Link>
        }
        title={`Amendment ${a.number}`}
        badge={<Badge tone={a.status === "REQUIRES_APPROVAL" ? "amber" : "gray"}>{STATUS_WORDS[a.status]}</Badge>}
        description={
          <>
            Order {order.number} · requested by {a.requestedBy} on <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Changes" titleId="changes">
            <AmendmentChanges amendment={a} lines={lines} currency={order.currency} />
          </Card>
          {(a.impact.lines.length > 0 || a.impact.charge > 0 || a.impact.refund > 0) && (
            <Card title="Money" titleId="money">
              <AmendmentMoneyImpact impact={a.impact} currency={order.currency} lines={lines} titled={false} />
            </Card>
          )}
          <Card title="Approvals and what asked for them" titleId="approval-tasks">
            <ApprovalTaskList tasks={a.approvals} />
          </Card>
          <Card title="History" titleId="history">
            <HistoryTimeline orderId={order.id} version={order.version} initial={history} pageSize={HISTORY_PAGE_SIZE} lines={order.lines} currency={order.currency} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Decision" titleId="decision">
            <DecisionPanel
              subject={{ pending: a.status === "REQUIRES_APPROVAL", approvals: a.approvals, requestedBy: a.requestedBy, effect: "Approving changes the order at once, unless it moved on since the change was assessed." }}
              actor={actor}
              decisionForms={<DecisionForms orderId={order.id} requestId={a.id} number={a.number} approveAction={approveAmendmentAction} rejectAction={rejectAmendmentAction} />}
            />
          </Card>
          <DeliveryDetails order={order} />
        </div>
      </div>
    </>
  );
}
