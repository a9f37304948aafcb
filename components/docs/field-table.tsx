import type { FieldRow } from "@/lib/ui/openapi-view";
import { InlineCode } from "./inline-code";

export function FieldTable({ rows, caption, showIn = false }: { rows: (FieldRow & { in?: string })[]; caption: string; showIn?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1.5 pr-4 font-semibold">
              Name
            </th>
            {showIn && (
              <th scope="col" className="py-1.5 pr-4 font-semibold">
                In
              </th>
            )}
            <th scope="col" className="py-1.5 pr-4 font-semibold">
              Type
            </th>
            <th scope="col" className="py-1.5 pr-4 font-semibold">
              Required
            </th>
            <th scope="col" className="py-1.5 font-semibold">
              Rules
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={`${r.in ?? ""}:${r.name}`} className="align-top">
              <th scope="row" className="py-1.5 pr-4 font-mono text-xs font-medium text-slate-900">
                {r.name}
              </th>
              {showIn && <td className="py-1.5 pr-4 text-slate-600">{r.in}</td>}
              <td className="max-w-xs py-1.5 pr-4 font-mono text-xs break-words text-slate-700">{r.type}</td>
              <td className="py-1.5 pr-4 text-slate-700">{r.required ? "yes" : "no"}</td>
              <td className="py-1.5 text-xs text-slate-600">
                {[...r.constraints].join(" · ") || "—"}
                {r.description && (
                  <span className="block text-slate-700">
                    <InlineCode text={r.description} />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
