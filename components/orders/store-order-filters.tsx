import Form from "next/form";
import Link from "next/link";
import type { z } from "zod";
import { OrderSort, OrderStatusFilter } from "@/lib/modules/orders/contracts/orders";
import { AGGREGATE_STATUS_LABELS } from "@/lib/modules/orders/domain/order-status";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";

export type StoreOrderStatus = z.infer<typeof OrderStatusFilter>;
export type StoreOrderSort = z.infer<typeof OrderSort>;

export const DEFAULT_STORE_ORDER_SORT: StoreOrderSort = "createdAt_desc";

export const SORT_LABELS: Record<StoreOrderSort, string> = {
  createdAt_desc: "Newest first",
  createdAt_asc: "Oldest first",
  total_desc: "Total: high to low",
  total_asc: "Total: low to high",
};

/** The store orders list's address for a status filter, sort and page (defaults left out). */
export function storeOrdersHref(status: StoreOrderStatus | undefined, sort: StoreOrderSort, page: number): string {
  const q = new URLSearchParams();
  if (status) q.set("status", status);
  if (sort !== DEFAULT_STORE_ORDER_SORT) q.set("sort", sort);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/seller/orders?${s}` : "/seller/orders";
}

/** Status filter and sort of the store orders list, submitted as a plain GET form. */
export function StoreOrderFilters({ status, sort }: { status: StoreOrderStatus | undefined; sort: StoreOrderSort }) {
  return (
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
      {(Boolean(status) || sort !== DEFAULT_STORE_ORDER_SORT) && (
        <Link href="/seller/orders" className={buttonClass("ghost")}>
          Reset
        </Link>
      )}
    </Form>
  );
}
