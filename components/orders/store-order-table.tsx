import Link from "next/link";
import type { OrderSummaryT } from "@/lib/modules/orders/contracts/orders";
import { AGGREGATE_STATUS_LABELS } from "@/lib/modules/orders/domain/order-status";
import { formatMoney } from "@/lib/platform/money/money";
import { formatDate, formatDateTime, plural } from "@/lib/ui/format";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { OrderStatusBadge } from "./status-badge";
import { SORT_LABELS, type StoreOrderSort, type StoreOrderStatus } from "./store-order-filters";

type Listing = { status: StoreOrderStatus | undefined; sort: StoreOrderSort; page: number; pageCount: number };

/** One page of store orders: number, when placed, buyer, stores, size, status and total. */
export function StoreOrderTable({ orders, status, sort, page, pageCount }: { orders: OrderSummaryT[] } & Listing) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">
          Store orders, {SORT_LABELS[sort].toLowerCase()}
          {status ? `, status ${AGGREGATE_STATUS_LABELS[status]}` : ""}, page {page} of {pageCount}
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">
              Order
            </th>
            <th scope="col" className="hidden px-4 py-3 sm:table-cell">
              Placed
            </th>
            <th scope="col" className="hidden px-4 py-3 lg:table-cell">
              Buyer
            </th>
            <th scope="col" className="hidden px-4 py-3 lg:table-cell">
              Stores
            </th>
            <th scope="col" className="hidden px-4 py-3 text-right md:table-cell">
              Items
            </th>
            <th scope="col" className="hidden px-4 py-3 sm:table-cell">
              Status
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Total
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {orders.map((o) => (
            <StoreOrderRow key={o.id} order={o} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StoreOrderRow({ order: o }: { order: OrderSummaryT }) {
  return (
    <tr className="hover:bg-slate-50">
      <th scope="row" className="px-4 py-3 text-left font-semibold">
        <Link href={`/seller/orders/${o.id}`} className="whitespace-nowrap text-indigo-700 hover:underline">
          {o.number}
        </Link>
        <span className="block text-xs font-normal text-slate-500 sm:hidden">
          {formatDate(o.createdAt)} · {plural(o.unitCount, "unit")}
        </span>
        {/* On a phone the status sits under the number so the total stays on screen. */}
        <span className="mt-1 block sm:hidden">
          <OrderStatusBadge status={o.status} label={o.statusLabel} />
        </span>
      </th>
      <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 sm:table-cell">
        <time dateTime={o.createdAt}>{formatDateTime(o.createdAt)}</time>
      </td>
      <td className="hidden px-4 py-3 text-slate-700 lg:table-cell">{o.buyerEmail}</td>
      <td className="hidden px-4 py-3 text-slate-700 lg:table-cell">{o.storeCodes.join(", ")}</td>
      <td className="hidden whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-700 md:table-cell">
        {plural(o.lineCount, "line")} · {plural(o.unitCount, "unit")}
      </td>
      <td className="hidden px-4 py-3 sm:table-cell">
        <OrderStatusBadge status={o.status} label={o.statusLabel} />
      </td>
      <td className="whitespace-nowrap px-4 py-3 text-right font-medium tabular-nums">{formatMoney(o.totals.total, o.currency)}</td>
    </tr>
  );
}

/** An empty page of the list: past the last page, nothing with this status, or no orders at all. */
export function NoStoreOrders({ total, filtered, pageCount }: { total: number; filtered: boolean; pageCount: number }) {
  return (
    <EmptyState
      title={total > 0 ? "Nothing on this page" : filtered ? "No orders with this status" : "No orders yet"}
      action={
        total > 0 || filtered ? (
          <Link href="/seller/orders" className={buttonClass("secondary")}>
            Show all orders
          </Link>
        ) : undefined
      }
    >
      {total > 0
        ? `There ${pageCount === 1 ? "is only 1 page" : `are only ${pageCount} pages`}.`
        : filtered
          ? "Try another status filter."
          : "Orders for your stores appear here as soon as they are placed."}
    </EmptyState>
  );
}
