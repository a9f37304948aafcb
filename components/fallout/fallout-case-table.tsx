import Link from "next/link";
import type { FalloutCaseViewT } from "@/lib/modules/compensation/contracts/fallout";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { FalloutStatusBadge } from "./fallout-status-badge";

/** Fallout cases, oldest first: case, status, step, order (and cancellation), reason and when it was opened. */
export function FalloutCaseTable({ cases }: { cases: FalloutCaseViewT[] }) {
  return (
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
          {cases.map((c) => (
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
  );
}
