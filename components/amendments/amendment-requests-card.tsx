import type { AmendmentViewT } from "@/lib/modules/amendments/contracts/amendments";
import { STATUS_WORDS, levelWords } from "@/lib/ui/amendment-words";
import { changeText, type LineNames } from "@/lib/ui/amendment-change-text";
import { formatMoney } from "@/lib/platform/money/money";
import { formatDateTime } from "@/lib/ui/format";
import { amendmentMoney } from "@/lib/ui/amendment-money";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

const TONE = { APPLIED: "green", REQUIRES_APPROVAL: "amber", FAILED: "red", REJECTED: "red" } as const;

/** The amendment's money: what it charged (or will charge) and what it refunds, its cancelled units included. */
function MoneyLine({ a, currency }: { a: AmendmentViewT; currency: string }) {
  const { charge, refund, cancelledRefund } = amendmentMoney(a.impact);
  const done = a.status === "APPLIED";
  const parts = [
    charge > 0 && `${done ? "Charged" : "Will charge"}: ${formatMoney(charge, currency)}`,
    refund + cancelledRefund > 0 && `${done ? "Refunded" : "Will refund"}: ${formatMoney(refund + cancelledRefund, currency)}`,
  ].filter(Boolean);
  return parts.length ? <p className="text-slate-700">{parts.join(" · ")}</p> : null;
}

function AmendmentItem({ a, lines, currency }: { a: AmendmentViewT; lines: LineNames; currency: string }) {
  return (
    <li className="space-y-1 py-3" data-testid={`amendment-${a.number}`}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{a.number}</span>
        <Badge tone={TONE[a.status as keyof typeof TONE] ?? "gray"}>{STATUS_WORDS[a.status]}</Badge>
        <span className="text-slate-500">
          {a.requestedBy}, {formatDateTime(a.createdAt)}
        </span>
      </p>
      <ul className="space-y-0.5 text-slate-700">
        {a.changes.map((c) => {
          const t = changeText(c, lines, currency);
          return (
            <li key={c.path}>
              {t.label}: <span className="text-slate-500 line-through">{t.before}</span> → {t.after}
            </li>
          );
        })}
      </ul>
      <MoneyLine a={a} currency={currency} />
      {a.status === "REQUIRES_APPROVAL" && (
        <p className="text-slate-600">Waiting for {a.assessment.requiredApprovals.map((r) => levelWords(r.level)).join(" and ")}.</p>
      )}
      {a.failureReason && <p className="text-red-700">{a.failureReason}</p>}
    </li>
  );
}

/** The order's amendments: what each changed from and to, what it costs, where it stands, and why it failed. */
export function AmendmentRequestsCard({ amendments, lines, currency, action }: { amendments: AmendmentViewT[]; lines: LineNames; currency: string; action?: React.ReactNode }) {
  return (
    <Card title="Changes to this order" titleId="amendments" actions={action}>
      {amendments.length === 0 ? (
        <p className="text-sm text-slate-600">No changes requested.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {amendments.map((a) => (
            <AmendmentItem key={a.id} a={a} lines={lines} currency={currency} />
          ))}
        </ul>
      )}
    </Card>
  );
}
