import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/platform/db/client";
import { FalloutQuery } from "@/lib/modules/compensation/contracts/fallout";
import { listFalloutCases } from "@/lib/modules/compensation/server/fallout-cases";
import { requestActor } from "@/components/orders/load-order";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { FalloutStatusBadge } from "@/components/fallout/fallout-status-badge";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { cn } from "@/components/ui/cn";

export const metadata: Metadata = { title: "Fallout" };

const FILTERS = [
  ["ACTIVE", "Open & in repair"],
  ["RESOLVED", "Resolved"],
  ["ABANDONED", "Abandoned"],
  ["ALL", "All"],
] as const;

export default async function FalloutQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const parsed = FalloutQuery.safeParse({ status: typeof sp.status === "string" ? sp.status : undefined, limit: 100 });
  const query = parsed.success ? parsed.data : FalloutQuery.parse({ limit: 100 });
  const actor = await requestActor();
  const { items } = await listFalloutCases(db(), actor, query);
  return (
    <>
      <PageHeader
        title="Fallout"
        description="Work automation could not finish — refunds that ran out of retries, manual steps that failed or are overdue. Retry, resolve with evidence, or abandon with a reason."
        actions={
          <Link href="/ops/reconciliation" className="text-sm font-medium text-indigo-700 hover:underline">
            Reconciliation →
          </Link>
        }
      />
      <nav aria-label="Filter cases" className="mb-4 flex flex-wrap gap-2">
        {FILTERS.map(([value, label]) => (
          <Link
            key={value}
            href={`/ops/fallout?status=${value}`}
            aria-current={query.status === value ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
              query.status === value ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
            )}
          >
            {label}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState title="No fallout cases">Nothing here needs a person right now.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Fallout cases, oldest first</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">Case</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2">Step</th>
                <th scope="col" className="px-4 py-2">Order</th>
                <th scope="col" className="px-4 py-2">Reason</th>
                <th scope="col" className="px-4 py-2">Opened</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((c) => (
                <tr key={c.id}>
                  <td className="px-4 py-2 font-medium">
                    <Link href={`/ops/fallout/${c.id}`} className="text-indigo-700 hover:underline">
                      {c.number}
                    </Link>
                  </td>
                  <td className="px-4 py-2">
                    <FalloutStatusBadge status={c.status} />
                  </td>
                  <td className="px-4 py-2">{c.task ? humanizeEnum(c.task.type) : "—"}</td>
                  <td className="px-4 py-2">
                    <Link href={`/seller/orders/${c.orderId}`} className="text-indigo-700 hover:underline">
                      {c.orderNumber}
                    </Link>
                    {c.cancellationNumber && <span className="text-slate-500"> · {c.cancellationNumber}</span>}
                  </td>
                  <td className="max-w-md px-4 py-2 text-slate-700">{c.reason}</td>
                  <td className="whitespace-nowrap px-4 py-2 text-slate-600">
                    <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
