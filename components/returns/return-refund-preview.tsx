import type { ReturnAssessment } from "@/lib/modules/returns/domain/assess-return";
import { formatMoney } from "@/lib/platform/money/money";
import { humanizeEnum, plural } from "@/lib/ui/format";

/** What a return would refund: per item (units and amount) and per way the buyer paid. */
export function ReturnRefundPreview({ id, assessment: a, currency, itemNames }: { id: string; assessment: ReturnAssessment; currency: string; itemNames: Record<string, string> }) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <section aria-labelledby={`${id}-preview`} className="rounded-lg border border-indigo-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-preview`} className="mb-3 text-base font-semibold text-slate-900">
        Refund preview
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        You send back {plural(a.lines.reduce((n, l) => n + l.quantity, 0), "unit")}. <strong>{money(a.refund.total)}</strong> is refunded as the store receives them.
      </p>
      <table className="w-full text-sm">
        <caption className="sr-only">Refund per item</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="py-1 font-medium">Item</th>
            <th scope="col" className="py-1 text-right font-medium">Units</th>
            <th scope="col" className="py-1 text-right font-medium">Refund</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {a.lines.map((l) => (
            <tr key={l.orderLineId}>
              <th scope="row" className="py-1.5 text-left font-normal">{itemNames[l.orderLineId] ?? `Line ${l.lineNumber}`}</th>
              <td className="py-1.5 text-right tabular-nums">{l.quantity}</td>
              <td className="py-1.5 text-right tabular-nums">{money(l.refund.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="mt-4 text-sm font-semibold text-slate-900">Back to how you paid</h3>
      <ul aria-label="Refund by payment" className="mt-1 space-y-1 text-sm">
        {a.refund.byTender.map((t) => (
          <li key={t.tenderId} className="flex justify-between gap-2">
            <span>{humanizeEnum(t.method)}</span>
            <span className="tabular-nums">{money(t.amount)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
