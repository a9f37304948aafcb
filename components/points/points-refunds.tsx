import { formatMoney } from "@/lib/platform/money/money";
import { formatDate } from "@/lib/ui/format";

export interface PointsRefund {
  id: string;
  points: number;
  amount: number;
  effectiveAt: string;
  deposits: { transactionId: string; programId: string; points: number; expiresAt: string }[];
}

const points = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "point" : "points"}`;

/** Points given back to the buyer for the part of a refund that was paid with points, with their new expiry dates. */
export function PointsRefundList({ refunds, currency }: { refunds: readonly PointsRefund[]; currency: string }) {
  return (
    <ul aria-label="Points refunded" className="space-y-3 text-sm">
      {refunds.map((r) => (
        <li key={r.id}>
          <p className="font-medium text-slate-900">
            {points(r.points)} back <span className="font-normal text-slate-600">for {formatMoney(r.amount, currency)}, {formatDate(r.effectiveAt)}</span>
          </p>
          <ul aria-label="Points deposited" className="mt-1 space-y-0.5 text-slate-700">
            {r.deposits.map((d) => (
              <li key={d.transactionId} className="flex justify-between gap-3">
                <span>
                  {points(d.points)} · {d.programId}
                </span>
                <span className="tabular-nums">
                  expires <time dateTime={d.expiresAt}>{formatDate(d.expiresAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export { points as formatPoints };
