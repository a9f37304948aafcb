import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { formatMoney } from "@/lib/platform/money/money";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { OrderStatusBadge } from "./status-badge";
import { OrderTotals, PaymentsList } from "./order-money";

/** Reference, customer and order type, version and last change. */
export function SellerOrderFactsCard({ order }: { order: OrderViewT }) {
  return (
    <Card title="Order" titleId="order-facts">
      <DescriptionList
        items={[
          { label: "Reference", value: order.externalRef ?? "—" },
          { label: "Customer type", value: humanizeEnum(order.customerType) },
          { label: "Order type", value: humanizeEnum(order.orderType) },
          { label: "Version", value: order.version },
          { label: "Last change", value: <time dateTime={order.updatedAt}>{formatDateTime(order.updatedAt)}</time> },
        ]}
      />
    </Card>
  );
}

/** Totals (of the seller's stores' lines only when the order is shared) and the seller's sub-orders. */
export function SellerOrderTotalsCard({ order }: { order: OrderViewT }) {
  return (
    <Card title={order.view === "STORES" ? "Your stores' totals" : "Order totals"} titleId="totals">
      <OrderTotals order={order} />
      {order.view === "STORES" && <p className="mt-2 text-xs text-slate-500">Of your stores&apos; lines only; other stores&apos; lines of this order are not shown.</p>}
      {order.subOrders.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-900">Your sub-orders</h3>
          <ul className="mt-1 space-y-1.5 text-sm">
            {order.subOrders.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-2">
                <span>
                  {s.storeName} <span className="text-xs text-slate-500">({s.storeCode})</span>
                </span>
                <span className="flex items-center gap-2">
                  <OrderStatusBadge status={s.status} label={humanizeEnum(s.status)} />
                  <span className="tabular-nums">{formatMoney(s.total, order.currency)}</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** The order's payments; a seller who sees only their stores' part of a shared order is told why they are not shown. */
export function SellerPaymentsCard({ order }: { order: OrderViewT }) {
  return (
    <Card title="Payments" titleId="payments">
      {order.view === "STORES" ? (
        <p className="text-sm text-slate-600">The payments cover the whole order, including other stores&apos; lines, so they are not shown here.</p>
      ) : (
        <PaymentsList order={order} />
      )}
    </Card>
  );
}
