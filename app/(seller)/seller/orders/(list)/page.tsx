import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { db } from "@/lib/platform/db/client";
import { listOrders } from "@/lib/modules/orders/server/queries";
import { OrderSort, OrderStatusFilter } from "@/lib/modules/orders/contracts/orders";
import { AGGREGATE_STATUS_LABELS } from "@/lib/modules/orders/domain/order-status";
import { formatMoney } from "@/lib/platform/money/money";
import { formatDate, formatDateTime, plural } from "@/lib/ui/format";
import { firstParam, pageCountOf, parsePage } from "@/lib/ui/paging";
import { requestActor } from "@/components/orders/load-order";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";

export const metadata: Metadata = { title: "Store orders" };

const PAGE_SIZE = 20;

const SORT_LABELS: Record<(typeof OrderSort.options)[number], string> = {
  createdAt_desc: "Newest first",
  createdAt_asc: "Oldest first",
  total_desc: "Total: high to low",
  total_asc: "Total: low to high",
};

export default async function StoreOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const status = OrderStatusFilter.safeParse(firstParam(params.status)).data;
  const sort = OrderSort.safeParse(firstParam(params.sort)).data ?? "createdAt_desc";
  const page = parsePage(params.page);
  const actor = await requestActor();
  const { items, total = 0 } = await listOrders(db(), actor, {
    status,
    sort,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    withTotal: true,
  });
  const pageCount = pageCountOf(total, PAGE_SIZE);
  const hrefFor = (p: number) => {
    const q = new URLSearchParams();
    if (status) q.set("status", status);
    if (sort !== "createdAt_desc") q.set("sort", sort);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `/seller/orders?${s}` : "/seller/orders";
  };
  const filtered = Boolean(status);
  const scope = actor.roles.has("OPS") ? "All stores" : `Orders with lines from your ${actor.storeIds.length === 1 ? "store" : "stores"}`;

  return (
    <>
      <PageHeader title="Store orders" description={`${scope} · ${plural(total, filtered ? "matching order" : "order")}`} />
      <Form action="/seller/orders" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <div>
          <label htmlFor="filter-status" className={labelClass}>
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={status ?? ""} className={`${inputClass} mt-1 pr-8`}>
            <option value="">All statuses</option>
            {OrderStatusFilter.options.map((s) => (
              <option key={s} value={s}>
                {AGGREGATE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-sort" className={labelClass}>
            Sort by
          </label>
          <select id="filter-sort" name="sort" defaultValue={sort} className={`${inputClass} mt-1 pr-8`}>
            {OrderSort.options.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        {(filtered || sort !== "createdAt_desc") && (
          <Link href="/seller/orders" className={buttonClass("ghost")}>
            Reset
          </Link>
        )}
      </Form>

      {items.length === 0 ? (
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
      ) : (
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
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Total
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((o) => (
                <tr key={o.id} className="hover:bg-slate-50">
                  <th scope="row" className="px-4 py-3 text-left font-semibold">
                    <Link href={`/seller/orders/${o.id}`} className="whitespace-nowrap text-indigo-700 hover:underline">
                      {o.number}
                    </Link>
                    <span className="block text-xs font-normal text-slate-500 sm:hidden">
                      {formatDate(o.createdAt)} · {plural(o.unitCount, "unit")}
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
                  <td className="px-4 py-3">
                    <OrderStatusBadge status={o.status} label={o.statusLabel} />
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-right font-medium tabular-nums">{formatMoney(o.totals.total, o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} label="Order pages" />
    </>
  );
}
