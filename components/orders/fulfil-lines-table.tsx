import { FieldError, inputClass } from "@/components/ui/field";

type Row = { id: string; lineNumber: number; sku: string; held: number; error?: string };

/** One row per line holding units at the chosen stage, each with its quantity and its own message. */
export function FulfilLinesTable(props: {
  id: string;
  rows: Row[];
  sourceLabel: string;
  quantities: Record<string, string>;
  onChange: (lineId: string, value: string) => void;
  error?: string;
}) {
  const { id, rows, sourceLabel, quantities, onChange, error } = props;
  return (
  <div className="overflow-x-auto">
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">Line</th>
          <th scope="col" className="py-1 pr-3 font-medium">{sourceLabel}</th>
          <th scope="col" className="py-1 font-medium">Quantity</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((l) => (
          <tr key={l.id} className="align-top">
            <td className="py-2 pr-3">
              <span className="font-medium text-slate-900">{l.sku}</span> <span className="text-xs text-slate-500">line {l.lineNumber}</span>
              <input type="hidden" name="orderLineId" value={l.id} />
            </td>
            <td className="py-2 pr-3 tabular-nums">{l.held}</td>
            <td className="w-32 py-2">
              <input
                name="quantity"
                type="number"
                inputMode="numeric"
                min={1}
                max={l.held}
                value={quantities[l.id] ?? ""}
                onChange={(e) => onChange(l.id, e.target.value)}
                aria-label={`Units of ${l.sku} to move`}
                aria-invalid={l.error ? true : undefined}
                aria-describedby={l.error ? `${id}-${l.id}-error` : undefined}
                className={inputClass}
              />
              <FieldError id={`${id}-${l.id}-error`} message={l.error} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <FieldError id={`${id}-lines-error`} message={error} />
  </div>
  );
}
