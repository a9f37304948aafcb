import type { ShipmentViewT } from "@/lib/modules/orders/contracts/shipments";
import { formatWeight } from "@/lib/modules/orders/domain/shipments";
import { formatDateTime } from "@/lib/ui/format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

const STAGES = [
  ["allocatedAt", "Allocated"],
  ["releasedAt", "Released"],
  ["pickedAt", "Picked"],
  ["packedAt", "Packed"],
  ["shippedAt", "Shipped"],
  ["deliveredAt", "Delivered"],
] as const;

/** The order's shipments for the seller: number, carrier and tracking, packages, stage times and lines. */
export function SellerShipmentsCard({ shipments }: { shipments: ShipmentViewT[] }) {
  if (!shipments.length) return null;
  return (
    <Card title="Shipments" titleId="shipments">
      <ul className="divide-y divide-slate-100">
        {shipments.map((s) => (
          <li key={s.id} className="py-4 first:pt-0 last:pb-0">
            <ShipmentEntry shipment={s} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function ShipmentEntry({ shipment: s }: { shipment: ShipmentViewT }) {
  return (
    <article aria-label={`Shipment ${s.number}`} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-mono text-sm font-semibold text-slate-900">{s.number}</h3>
        <Badge tone={s.stages.deliveredAt ? "green" : "blue"}>{s.stages.deliveredAt ? "Delivered" : "Shipped"}</Badge>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Fact label="Carrier">{s.carrier ?? <span className="text-slate-500">not given</span>}</Fact>
        <Fact label="Tracking">{s.trackingNumber ? <span className="font-mono break-all">{s.trackingNumber}</span> : <span className="text-slate-500">none</span>}</Fact>
        <Fact label="From">
          {s.locationCode} <span className="text-slate-500">({s.storeCode})</span>
        </Fact>
        {s.assignee && <Fact label="Shipped by">{s.assignee}</Fact>}
        <Fact label="Packages">
          {s.packages.length ? s.packages.map((p) => `${p.boxSize} · ${formatWeight(p.weightGrams)}`).join(", ") : <span className="text-slate-500">none recorded</span>}
        </Fact>
        {s.notes && <Fact label="Notes">{s.notes}</Fact>}
      </dl>
      <ol aria-label={`Stages of ${s.number}`} className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {STAGES.filter(([key]) => s.stages[key]).map(([key, label]) => (
          <li key={key}>
            <span className="font-medium text-slate-800">{label}</span> <time dateTime={s.stages[key]!}>{formatDateTime(s.stages[key]!)}</time>
          </li>
        ))}
      </ol>
      <ul aria-label={`Lines of ${s.number}`} className="space-y-1 text-sm text-slate-700">
        {s.lines.map((l) => (
          <li key={l.orderLineId} className="flex flex-wrap gap-x-2">
            <span>
              Line {l.lineNumber} · <span className="font-mono text-xs">{l.sku}</span>
            </span>
            <span className="tabular-nums">
              {l.quantity} shipped{l.delivered ? `, ${l.delivered} delivered` : ""}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
