import type { Metadata } from "next";
import { db } from "@/lib/platform/db/client";
import { listOrders } from "@/lib/modules/orders/server/queries";
import { OrderSort, OrderStatusFilter } from "@/lib/modules/orders/contracts/orders";
import { plural } from "@/lib/ui/format";
import { firstParam, pageCountOf, parsePage } from "@/lib/ui/paging";
import { requestActor } from "@/components/orders/load-order";
import { DEFAULT_STORE_ORDER_SORT, StoreOrderFilters, storeOrdersHref } from "@/components/orders/store-order-filters";
import { NoStoreOrders, StoreOrderTable } from "@/components/orders/store-order-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Store orders" };

const PAGE_SIZE = 20;

export default async function StoreOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const status = OrderStatusFilter.safeParse(firstParam(params.status)).data;
  const sort = OrderSort.safeParse(firstParam(params.sort)).data ?? DEFAULT_STORE_ORDER_SORT;
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
  const filtered = Boolean(status);
  const scope = actor.roles.has("OPS") ? "All stores" : `Orders with lines from your ${actor.storeIds.length === 1 ? "store" : "stores"}`;

  return (
    <>
      <PageHeader title="Store orders" description={`${scope} · ${plural(total, filtered ? "matching order" : "order")}`} />
      <StoreOrderFilters status={status} sort={sort} />
      {items.length === 0 ? (
        <NoStoreOrders total={total} filtered={filtered} pageCount={pageCount} />
      ) : (
        <StoreOrderTable orders={items} status={status} sort={sort} page={page} pageCount={pageCount} />
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => storeOrdersHref(status, sort, p)} label="Order pages" />
    </>
  );
}
