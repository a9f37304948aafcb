import type { AmendmentPreviewT } from "@/lib/modules/amendments/contracts/amendments";
import { formatMoney } from "@/lib/platform/money/money";
import { humanizeEnum } from "@/lib/ui/format";
import type { LineNames } from "@/lib/ui/amendment-change-text";
import { amendmentMoney } from "@/lib/ui/amendment-money";

type Impact = AmendmentPreviewT["impact"];
type LineImpact = Impact["lines"][number];

const signed = (n: number, currency: string) => (n > 0 ? `+${formatMoney(n, currency)}` : formatMoney(n, currency));
const units = (n: number) => (n > 0 ? `+${n}` : String(n));

function lineName(l: LineImpact, lines: LineNames) {
  const sku = lines.get(l.orderLineId)?.sku;
  return `Line ${l.lineNumber}${sku ? ` (${sku})` : ""}`;
}

/** A line's own money plus, for a decrease, the refund the cancellation engine computed for the units it takes away. */
function lineMoney(l: LineImpact) {
  const refund = l.cancellation?.refund;
  return { merchandise: l.merchandise - (refund?.merchandise ?? 0), tax: l.tax - (refund?.tax ?? 0), total: l.total - (refund?.total ?? 0) };
}

function LineRow({ l, lines, currency }: { l: LineImpact; lines: LineNames; currency: string }) {
  const m = lineMoney(l);
  return (
    <tr>
      <th scope="row" className="py-1.5 pr-2 text-left font-medium text-slate-900">
        {lineName(l, lines)}
        {l.substitution && <span className="block text-xs font-normal text-slate-500">becomes {l.substitution.sku}</span>}
        {l.cancellation && <span className="block text-xs font-normal text-slate-500">cancels {l.cancellation.quantity}</span>}
      </th>
      <td className="px-1 py-1.5 text-right tabular-nums sm:px-2">{l.quantityDelta === 0 ? "—" : units(l.quantityDelta)}</td>
      <td className="px-1 py-1.5 text-right tabular-nums sm:px-2">{signed(m.merchandise, currency)}</td>
      <td className="px-1 py-1.5 text-right tabular-nums sm:px-2">{signed(m.tax, currency)}</td>
      <td className="py-1.5 pl-1 text-right font-medium tabular-nums sm:pl-2">{signed(m.total, currency)}</td>
    </tr>
  );
}

function Totals({ impact, currency }: { impact: Impact; currency: string }) {
  const cancelled = amendmentMoney(impact).cancelledRefund;
  const tenders = impact.byTender.filter((t) => t.amount > 0);
  const verb = impact.charge > 0 ? "Charged to" : "Refunded to";
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
      {impact.charge > 0 && <Row term="Extra charge" value={formatMoney(impact.charge, currency)} strong />}
      {impact.refund > 0 && <Row term="Refund" value={formatMoney(impact.refund, currency)} strong />}
      {cancelled > 0 && <Row term="Refund for cancelled units" value={formatMoney(cancelled, currency)} strong />}
      {impact.charge === 0 && impact.refund === 0 && cancelled === 0 && <Row term="Price" value="No change" />}
      {(impact.charge > 0 || impact.refund > 0) &&
        tenders.map((t) => <Row key={t.tenderId} term={`${verb} ${humanizeEnum(t.method).toLowerCase()}`} value={formatMoney(t.amount, currency)} />)}
    </dl>
  );
}

function Row({ term, value, strong = false }: { term: string; value: string; strong?: boolean }) {
  return (
    <>
      <dt className={strong ? "font-medium text-slate-900" : "text-slate-600"}>{term}</dt>
      <dd className={`text-right tabular-nums ${strong ? "font-semibold text-slate-900" : "text-slate-700"}`}>{value}</dd>
    </>
  );
}

/** What a change costs or gives back: per line (units, merchandise, tax, total), then the charge or refund per tender. */
export function AmendmentMoneyImpact({ impact, currency, lines, titled = true }: { impact: Impact; currency: string; lines: LineNames; titled?: boolean }) {
  if (impact.lines.length === 0 && impact.charge === 0 && impact.refund === 0) return null;
  const Tag = titled ? "section" : "div";
  return (
    <Tag aria-label={titled ? "Money" : undefined} className="space-y-3">
      {titled && <h3 className="text-sm font-semibold text-slate-900">Money</h3>}
      {impact.lines.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-xs text-slate-700 sm:text-sm">
            <caption className="sr-only">Money per line</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-2 text-left font-medium">Line</th>
                <th scope="col" className="px-1 py-1 text-right font-medium sm:px-2">Units</th>
                <th scope="col" className="px-1 py-1 text-right font-medium sm:px-2">Items</th>
                <th scope="col" className="px-1 py-1 text-right font-medium sm:px-2">Tax</th>
                <th scope="col" className="py-1 pl-1 text-right font-medium sm:pl-2">Total</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {impact.lines.map((l) => (
                <LineRow key={l.orderLineId} l={l} lines={lines} currency={currency} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Totals impact={impact} currency={currency} />
    </Tag>
  );
}
