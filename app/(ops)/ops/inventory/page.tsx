import type { Metadata } from "next";
import { db } from "@/lib/platform/db/client";
import { requireRole } from "@/lib/platform/auth/session";
import { listSupply } from "@/lib/modules/inventory/server/adjust-inventory";
import { listInventoryLedger } from "@/lib/modules/inventory/server/ledger";
import { firstParam, pageCountOf, parsePage } from "@/lib/ui/paging";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { AdjustStockForm } from "@/components/inventory/adjust-stock-form";
import { LedgerTable, SupplyTable } from "@/components/inventory/inventory-tables";
import { adjustInventoryAction } from "./actions";

export const metadata: Metadata = { title: "Inventory" };
const LEDGER_PAGE_SIZE = 25;
const short = (v: string | undefined) => (v && v.length <= 64 ? v : undefined);

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("OPS");
  const params = await searchParams;
  const sku = short(firstParam(params.sku));
  const location = short(firstParam(params.location));
  const page = parsePage(params.page);
  const [supply, locations, ledger] = await Promise.all([
    listSupply(db(), actor, {}),
    db().location.findMany({ select: { code: true }, orderBy: { code: "asc" } }),
    sku && location ? listInventoryLedger(db(), actor, { sku, locationCode: location, page, pageSize: LEDGER_PAGE_SIZE }) : null,
  ]);
  const ledgerHref = (p: number) => `/ops/inventory?sku=${encodeURIComponent(sku ?? "")}&location=${encodeURIComponent(location ?? "")}&page=${p}#ledger`;
  return (
    <>
      <PageHeader title="Inventory" description="Supply per SKU and location. Allocated units belong to orders; on hand never goes below them." />
      <Card title="Adjust stock" titleId="adjust-stock" className="mb-6">
        <AdjustStockForm action={adjustInventoryAction} locations={locations.map((l) => l.code)} sku={sku} locationCode={location} />
      </Card>
      {supply.length === 0 ? <EmptyState title="No stock recorded yet">Adjust stock above to record a receipt.</EmptyState> : <SupplyTable rows={supply} />}
      {ledger && (
        <section id="ledger" aria-labelledby="ledger-title" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="ledger-title" className="text-base font-semibold text-slate-900">
            Ledger of <span className="font-mono">{sku}</span> at {location}
          </h2>
          {ledger.items.length === 0 ? <p className="mt-2 text-sm text-slate-600">No transactions.</p> : <LedgerTable entries={ledger.items} />}
          <Pagination page={page} pageCount={pageCountOf(ledger.total, LEDGER_PAGE_SIZE)} hrefFor={ledgerHref} label="Ledger pages" />
        </section>
      )}
    </>
  );
}
