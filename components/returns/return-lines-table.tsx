import { formatMoney } from "@/lib/platform/money/money";
import type { ReturnViewT } from "@/lib/modules/returns/contracts/returns";

/** A return's lines: units asked back, what arrived and how, and the refund of each. */
export function ReturnLinesTable({ r, currency }: { r: ReturnViewT; currency: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase text-gray-500">
          <tr>
            <th className="py-2 pr-3">Line</th>
            <th className="py-2 pr-3 text-right">Units</th>
            <th className="py-2 pr-3 text-right">Received</th>
            <th className="hidden py-2 pr-3 text-right sm:table-cell">Restocked / damaged</th>
            <th className="py-2 text-right">Refund</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {r.lines.map((l) => (
            <tr key={l.orderLineId}>
              <td className="py-2 pr-3">
                {l.lineNumber}. {l.sku}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{l.quantity}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{l.received}</td>
              <td className="hidden py-2 pr-3 text-right tabular-nums sm:table-cell">
                {l.restocked} / {l.damaged}
              </td>
              <td className="py-2 text-right tabular-nums">{formatMoney(l.refund.total, currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-medium">
            <td className="py-2 pr-3" colSpan={4}>
              Refund, to {r.refund.byTender.map((t) => `${t.method} ${formatMoney(t.amount, currency)}`).join(" + ") || "the original payment"}
            </td>
            <td className="py-2 text-right tabular-nums">{formatMoney(r.refund.total, currency)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
