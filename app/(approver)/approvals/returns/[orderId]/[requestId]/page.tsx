import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { HISTORY_PAGE_SIZE, loadOrder, loadOrderHistory, requestActor } from "@/components/orders/load-order";
import { loadReturn } from "@/components/returns/load-return";
import { ReturnLinesTable } from "@/components/returns/return-lines-table";
import { HistoryTimeline } from "@/components/orders/history-timeline";
import { ApprovalTaskList } from "@/components/approvals/approval-task-list";
import { DecisionPanel } from "@/components/approvals/decision-panel";
import { DecisionForms } from "@/components/cancellations/decision-forms";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { approveReturnAction, rejectReturnAction } from "./actions";

type Props = { params: Promise<{ orderId: string; requestId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { orderId, requestId } = await params;
  return { title: `Return ${(await loadReturn(orderId, requestId)).number}` };
}

export default async function ReturnApprovalPage({ params }: Props) {
  const { orderId, requestId } = await params;
  const [r, order, actor, history] = await Promise.all([loadReturn(orderId, requestId), loadOrder(orderId), requestActor(), loadOrderHistory(orderId)]);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/approvals" className="hover:text-indigo-700 hover:underline">
            ← Approvals
          </Link>
        }
        title={`Return ${r.number}`}
        badge={<Badge tone={r.status === "PENDING_APPROVAL" ? "amber" : "gray"}>{humanizeEnum(r.status)}</Badge>}
        description={
          <>
            Order {order.number} · {humanizeEnum(r.reasonCode)} · requested by {r.requestedBy} on <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Units coming back" titleId="return-lines">
            <ReturnLinesTable r={r} currency={order.currency} />
          </Card>
          <Card title="Approvals and what asked for them" titleId="approval-tasks">
            <ApprovalTaskList tasks={r.approvals} />
          </Card>
          <Card title="History" titleId="history">
            <HistoryTimeline orderId={order.id} version={order.version} initial={history} pageSize={HISTORY_PAGE_SIZE} lines={order.lines} currency={order.currency} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Decision" titleId="decision">
            <DecisionPanel
              subject={{ pending: r.status === "PENDING_APPROVAL", approvals: r.approvals, requestedBy: r.requestedBy, effect: "Approving lets the units come back; each is refunded as it is received." }}
              actor={actor}
              decisionForms={<DecisionForms orderId={order.id} requestId={r.id} number={r.number} approveAction={approveReturnAction} rejectAction={rejectReturnAction} />}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
