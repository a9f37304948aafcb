import Link from "next/link";
import type { ReturnViewT } from "@/lib/modules/returns/contracts/returns";
import { formatMoney } from "@/lib/platform/money/money";
import { returnStatusLabel } from "@/lib/ui/related-orders";
import { Badge, type Tone } from "@/components/ui/badge";

const TONES: Record<string, Tone> = { AWAITING_RECEIPT: "amber", RECEIVED: "blue", COMPLETED: "green", CANCELLED: "red", REJECTED: "red" };

export function ReturnStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "gray"}>{returnStatusLabel(status)}</Badge>;
}

/**
 * One return: number, status, the refund and what is refunded so far, and per line the units to
 * come back, received (restocked / damaged) and refunded. `href` links the number to its page;
 * `actions` (e.g. cancelling it) go under its heading.
 */
export function ReturnSummary({ r, currency, itemNames = {}, href, actions, children }: { r: ReturnViewT; currency: string; itemNames?: Record<string, string>; href?: string; actions?: React.ReactNode; children?: (line: ReturnViewT["lines"][number]) => React.ReactNode }) {
  const money = (n: number) => formatMoney(n, currency);
  const titleId = `return-${r.id}`;
  return (
    <article aria-labelledby={titleId} className="space-y-2 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={titleId} className="font-medium text-slate-900">
          Return {href ? <Link href={href} className="text-indigo-700 hover:underline">{r.number}</Link> : r.number}
        </h3>
        <ReturnStatusBadge status={r.status} />
      </div>
      {actions}
      <p className="text-sm text-slate-700">
        Refund {money(r.refund.total)} · refunded so far <strong data-testid="return-refunded">{money(r.refund.refunded)}</strong>
        <span className="text-slate-500"> · return order {r.orderNumber}</span>
      </p>
      <ul aria-label={`Items of return ${r.number}`} className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
        {r.lines.map((l) => (
          <li key={l.orderLineId} className="space-y-1 px-3 py-2">
            <div className="flex flex-wrap justify-between gap-x-4">
              <span className="font-medium">{itemNames[l.orderLineId] ?? l.sku}</span>
              <span className="tabular-nums text-slate-700">
                {l.received} of {l.quantity} received
                {l.received > 0 && ` (${l.restocked} restocked, ${l.damaged} damaged)`} · {money(l.refunded)} of {money(l.refund.total)} refunded
              </span>
            </div>
            {children?.(l)}
          </li>
        ))}
      </ul>
    </article>
  );
}
