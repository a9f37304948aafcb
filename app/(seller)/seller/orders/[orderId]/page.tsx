import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { formatMoney } from "@/lib/platform/money/money";
import { availableSteps } from "@/lib/ui/fulfilment";
import { HISTORY_PAGE_SIZE, loadCancellations, loadOrder, loadOrderHistory, loadOrderNotes, loadReasonCodes } from "@/components/orders/load-order";
import { CancellationRequestList } from "@/components/cancellations/cancellation-request-list";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { OrderTotals, PaymentsList } from "@/components/orders/order-money";
import { DeliveryDetails } from "@/components/orders/delivery-details";
import { SellerLineList } from "@/components/orders/seller-line-list";
import { HistoryTimeline } from "@/components/orders/history-timeline";
import { NotesList } from "@/components/orders/notes-list";
import { AddNoteForm } from "@/components/orders/add-note-form";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { Skeleton } from "@/components/ui/skeleton";
import { buttonClass } from "@/components/ui/button";
import { OrderFalloutNotice } from "@/components/fallout/order-fallout-notice";
import { addOrderNoteAction } from "./actions";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Order ${order.number}` };
}

export default async function SellerOrderPage({ params }: Props) {
  const { orderId } = await params;
  const order = await loadOrder(orderId);
  const workable = order.lines.some((l) => availableSteps(l.quantities).length > 0);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/seller/orders" className="hover:text-indigo-700 hover:underline">
            ← Store orders
          </Link>
        }
        title={`Order ${order.number}`}
        badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
        description={
          <>
            Placed <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time> by {order.buyerEmail}
          </>
        }
        actions={
          <Link
            href={`/seller/orders/${order.id}/fulfil`}
            className={buttonClass(workable ? "primary" : "secondary")}
          >
            Fulfil lines
          </Link>
        }
      />
      <OrderFalloutNotice orderId={order.id} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Lines" titleId="lines">
            <SellerLineList order={order} />
          </Card>
          <Card
            title="Cancellation requests"
            titleId="cancellations"
            actions={
              <Link href="/seller/tasks" className="text-sm font-medium text-indigo-700 hover:underline">
                Open tasks
              </Link>
            }
          >
            <Suspense fallback={<Skeleton className="h-16 w-full" />}>
              <Cancellations orderId={order.id} currency={order.currency} />
            </Suspense>
          </Card>
          <Card title="History" titleId="history">
            <Suspense fallback={<Skeleton className="h-32 w-full" />}>
              <History orderId={order.id} version={order.version} />
            </Suspense>
          </Card>
        </div>
        <div className="space-y-6">
          <DeliveryDetails order={order} />
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
          <Card title="Payments" titleId="payments">
            {order.view === "STORES" ? (
              <p className="text-sm text-slate-600">The payments cover the whole order, including other stores&apos; lines, so they are not shown here.</p>
            ) : (
              <PaymentsList order={order} />
            )}
          </Card>
          <Card title="Notes" titleId="notes">
            <AddNoteForm
              orderId={order.id}
              action={addOrderNoteAction}
              stores={order.view === "STORES" ? order.subOrders.map((s) => ({ code: s.storeCode, name: s.storeName })) : []}
            />
            <div className="mt-5 border-t border-slate-100 pt-4">
              <Suspense fallback={<Skeleton className="h-16 w-full" />}>
                <Notes orderId={order.id} />
              </Suspense>
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}

async function History({ orderId, version }: { orderId: string; version: number }) {
  const page = await loadOrderHistory(orderId);
  return <HistoryTimeline orderId={orderId} version={version} initial={page} pageSize={HISTORY_PAGE_SIZE} />;
}

// The requests, their lines, refund shares and tasks come already limited to the seller's stores.
async function Cancellations({ orderId, currency }: { orderId: string; currency: string }) {
  const [{ items }, reasons] = await Promise.all([loadCancellations(orderId), loadReasonCodes()]);
  return (
    <CancellationRequestList
      requests={items}
      currency={currency}
      reasonLabels={Object.fromEntries(reasons.map((r) => [r.code, r.label]))}
      showTasks
      showRequester
    />
  );
}

async function Notes({ orderId }: { orderId: string }) {
  const notes = await loadOrderNotes(orderId);
  return <NotesList notes={notes} showVisibility emptyText="No notes yet." />;
}
