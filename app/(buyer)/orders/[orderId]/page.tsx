import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { formatMoney } from "@/lib/domain/money/money";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { loadOrder, loadOrderNotes } from "@/components/orders/load-order";
import { LineStatusBadge, OrderStatusBadge } from "@/components/orders/status-badge";
import { BuyerQuantityChips, QuantityBar } from "@/components/orders/quantity-bar";
import { OrderTotals, PaymentsList } from "@/components/orders/order-money";
import { PartialFulfilmentNotice } from "@/components/orders/partial-fulfilment-notice";
import { NotesList } from "@/components/orders/notes-list";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Order ${order.number}` };
}

export default async function BuyerOrderPage({ params }: Props) {
  const { orderId } = await params;
  const order = await loadOrder(orderId);
  const money = (n: number) => formatMoney(n, order.currency);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/orders" className="hover:text-indigo-700 hover:underline">
            ← My orders
          </Link>
        }
        title={`Order ${order.number}`}
        badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
        description={
          <>
            Placed <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
            {order.externalRef && <> · Reference {order.externalRef}</>}
          </>
        }
      />
      <PartialFulfilmentNotice lines={order.lines} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Items" titleId="items">
            <ul className="divide-y divide-slate-100">
              {order.lines.map((line) => (
                <li key={line.id} className="py-4 first:pt-0 last:pb-0">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <h3 className="font-medium text-slate-900">{line.itemName}</h3>
                      <p className="text-sm text-slate-600">
                        <span className="font-mono text-xs">{line.sku}</span> · {line.quantity} × {money(line.unitPrice)}
                      </p>
                    </div>
                    <div className="text-right">
                      <p className="font-semibold tabular-nums">{money(line.lineTotal)}</p>
                      {line.refunded > 0 && <p className="text-xs text-slate-500">{money(line.refunded)} refunded</p>}
                    </div>
                  </div>
                  <div className="mt-2 flex flex-wrap items-center gap-2">
                    <span className="text-xs text-slate-500">Status</span>
                    <LineStatusBadge label={line.statusLabel} code={line.statusCode} />
                  </div>
                  <QuantityBar quantities={line.quantities} total={line.quantity} className="mt-3" />
                  <div className="mt-2">
                    <BuyerQuantityChips quantity={line.quantity} quantities={line.quantities} />
                  </div>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Messages from the seller" titleId="messages">
            <Suspense fallback={<Skeleton className="h-12 w-full" />}>
              <CustomerNotes orderId={order.id} />
            </Suspense>
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Summary" titleId="summary">
            <OrderTotals order={order} />
          </Card>
          <Card title="Payment" titleId="payment">
            <PaymentsList order={order} />
          </Card>
          {order.subOrders.length > 0 && (
            <Card title={order.subOrders.length === 1 ? "Seller" : "Sellers"} titleId="sellers">
              <ul className="space-y-2 text-sm">
                {order.subOrders.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-2">
                    <span>{s.storeName}</span>
                    <OrderStatusBadge status={s.status} label={humanizeEnum(s.status)} />
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

async function CustomerNotes({ orderId }: { orderId: string }) {
  const notes = await loadOrderNotes(orderId);
  return <NotesList notes={notes} showVisibility={false} emptyText="No messages yet." />;
}
