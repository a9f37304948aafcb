import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/platform/db/client";
import { FalloutQuery } from "@/lib/modules/compensation/contracts/fallout";
import { listFalloutCases } from "@/lib/modules/compensation/server/fallout-cases";
import { requestActor } from "@/components/orders/load-order";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { FalloutCaseTable } from "@/components/fallout/fallout-case-table";
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
        <FalloutCaseTable cases={items} />
      )}
    </>
  );
}
