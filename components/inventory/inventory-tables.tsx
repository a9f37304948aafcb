import Link from "next/link";
import type { SupplyViewT } from "@/lib/modules/inventory/server/adjust-inventory";
import type { InventoryLedgerEntry } from "@/lib/modules/inventory/server/ledger";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";

const th = "px-4 py-3";
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** Supply per SKU × location: on hand, allocated, available, and a link to its ledger. */
export function SupplyTable({ rows }: { rows: SupplyViewT[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Supply per SKU and location</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className={th}>SKU</th>
            <th scope="col" className={th}>Location</th>
            <th scope="col" className={`${th} text-right`}>On hand</th>
            <th scope="col" className={`${th} hidden text-right sm:table-cell`}>Allocated</th>
            <th scope="col" className={`${th} text-right`}>Available</th>
            <th scope="col" className={th}><span className="sr-only">Ledger</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={`${r.sku}|${r.locationCode}`} aria-label={`${r.sku} at ${r.locationCode}`}>
              <th scope="row" className={`${th} break-all text-left font-mono font-medium`}>{r.sku}</th>
              <td className={th}>{r.locationCode}</td>
              <td className={`${th} text-right tabular-nums`}>{r.onHand}</td>
              <td className={`${th} hidden text-right tabular-nums sm:table-cell`}>{r.allocated}</td>
              <td className={`${th} text-right tabular-nums`}>{r.available}</td>
              <td className={th}>
                <Link href={`/ops/inventory?sku=${encodeURIComponent(r.sku)}&location=${encodeURIComponent(r.locationCode)}#ledger`} className="text-indigo-700 underline">
                  Ledger
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The inventory ledger of one SKU at one location, newest first. */
export function LedgerTable({ entries }: { entries: InventoryLedgerEntry[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Inventory transactions, newest first</caption>
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className={th}>When</th>
            <th scope="col" className={th}>Type</th>
            <th scope="col" className={`${th} text-right`}>On hand</th>
            <th scope="col" className={`${th} hidden text-right sm:table-cell`}>Allocated</th>
            <th scope="col" className={`${th} hidden md:table-cell`}>Reason / order</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((e) => (
            <tr key={e.id}>
              <td className={th}>{formatDateTime(e.createdAt)}</td>
              <td className={th}>{humanizeEnum(e.type)}</td>
              <td className={`${th} text-right tabular-nums`}>
                {signed(e.onHandDelta)} → {e.onHandAfter}
              </td>
              <td className={`${th} hidden text-right tabular-nums sm:table-cell`}>
                {signed(e.allocatedDelta)} → {e.allocatedAfter}
              </td>
              <td className={`${th} hidden break-all md:table-cell`}>
                {e.orderId ? <Link href={`/seller/orders/${e.orderId}`} className="text-indigo-700 underline">order</Link> : (e.reason ?? e.causeType)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
