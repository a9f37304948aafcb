// The facts an approver weighs next to the decision: the refund against the order, the request
// itself and the order.
import type { CancellationViewT } from "@/lib/modules/cancellations/contracts/cancellations";
import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { formatMoney } from "@/lib/platform/money/money";
import { humanizeEnum } from "@/lib/ui/format";
import { feasibilityLabel } from "@/lib/ui/cancellation";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";

export function RequestFacts({ request, order, reasonLabel }: { request: CancellationViewT; order: OrderViewT; reasonLabel: string }) {
  const money = (n: number) => formatMoney(n, order.currency);
  const share = order.totals.total > 0 ? Math.round((request.refund.total / order.totals.total) * 100) : 0;
  return (
    <>
    <Card title="Money impact" titleId="money">
      <DescriptionList
        items={[
          { label: "This refund", value: money(request.refund.total), strong: true },
          { label: "Order total", value: money(order.totals.total) },
          { label: "Share of the order", value: `${share}%` },
          // What other refunds paid: once this request's refund is paid it is in the order's total too.
          { label: "Refunded before", value: money(Math.max(0, order.totals.refunded - request.refund.refunded)) },
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
    </>
  );
}
