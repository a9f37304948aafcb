import type { Metadata } from "next";
import Link from "next/link";
import { requestActor } from "@/components/orders/load-order";
import { loadReturnsAwaitingReceipt } from "@/components/returns/load-returns";
import { ReturnStatusBadge } from "@/components/returns/return-summary";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, humanizeEnum, plural } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Returns" };

export default async function SellerReturnsPage() {
  const [actor, { items }] = await Promise.all([requestActor(), loadReturnsAwaitingReceipt()]);
  const scope = actor.roles.has("OPS") ? "all stores" : `your ${actor.storeIds.length === 1 ? "store" : "stores"}`;
  return (
    <>
      <PageHeader title="Returns" description={`Returns waiting for their items at ${scope}, oldest first. Open one to receive what came back.`} />
      {items.length === 0 ? (
        <EmptyState title="No returns waiting">Returns the buyers send appear here until every unit is received.</EmptyState>
      ) : (
        <ul aria-label="Returns waiting for receipt" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
          {items.map((r) => {
            const units = r.lines.reduce((n, l) => n + l.quantity - l.received, 0);
            return (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <div className="min-w-0">
                  <Link href={`/seller/returns/${r.id}`} className="font-medium text-indigo-700 hover:underline">
                    Return {r.number}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {plural(units, "unit")} to receive · {humanizeEnum(r.reasonCode)} · <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                  </p>
                </div>
                <ReturnStatusBadge status={r.status} />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
