import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/platform/db/client";
import { listOrders } from "@/lib/modules/orders/server/queries";
import { formatMoney } from "@/lib/platform/money/money";
import { formatDate, plural } from "@/lib/ui/format";
import { pageCountOf, parsePage } from "@/lib/ui/paging";
import { requestActor } from "@/components/orders/load-order";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "My orders" };

const PAGE_SIZE = 10;

export default async function MyOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = parsePage((await searchParams).page);
  const actor = await requestActor();
  const { items, total = 0 } = await listOrders(db(), actor, {
    buyerEmail: actor.email,
    sort: "createdAt_desc",
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    withTotal: true,
  });
  const pageCount = pageCountOf(total, PAGE_SIZE);

  return (
    <>
      <PageHeader title="My orders" description={total ? `${plural(total, "order")}, newest first.` : undefined} />
      {items.length === 0 ? (
        total === 0 ? (
          <EmptyState title="No orders yet">Orders you place will show up here, with what has shipped and what is still being prepared.</EmptyState>
        ) : (
          <EmptyState title="Nothing on this page" action={<Link href="/orders" className={buttonClass("secondary")}>Go to the first page</Link>}>
            There are only {pageCount} {pageCount === 1 ? "page" : "pages"} of orders.
          </EmptyState>
        )
      ) : (
        <ul aria-label="Orders" className="space-y-3">
          {items.map((o) => (
            <li key={o.id}>
              <Link
                href={`/orders/${o.id}`}
                className="block rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm transition hover:border-indigo-300 hover:shadow focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
              >
                <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
                  <div className="flex flex-wrap items-center gap-3">
                    <span className="font-semibold text-slate-900">Order {o.number}</span>
                    <OrderStatusBadge status={o.status} label={o.statusLabel} />
                  </div>
                  <span className="font-semibold tabular-nums text-slate-900">{formatMoney(o.totals.total, o.currency)}</span>
                </div>
                <div className="mt-1 flex flex-wrap gap-x-4 text-sm text-slate-600">
                  <span>
                    Placed <time dateTime={o.createdAt}>{formatDate(o.createdAt)}</time>
                  </span>
                  <span>
                    {plural(o.lineCount, "item")} · {plural(o.unitCount, "unit")}
                  </span>
                  {o.totals.refunded > 0 && <span>{formatMoney(o.totals.refunded, o.currency)} refunded</span>}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => (p === 1 ? "/orders" : `/orders?page=${p}`)} label="Order pages" />
    </>
  );
}
