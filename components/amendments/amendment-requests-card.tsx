import type { AmendmentViewT } from "@/lib/modules/amendments/contracts/amendments";
import { COMMAND_WORDS, STATUS_WORDS, levelWords } from "@/lib/ui/amendment-words";
import { formatDateTime } from "@/lib/ui/format";
import { valueText } from "@/lib/ui/amendment-form";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

const TONE = { APPLIED: "green", REQUIRES_APPROVAL: "amber", FAILED: "red", REJECTED: "red" } as const;

/** The order's amendments: what each changed from and to, where it stands, and why it failed. */
export function AmendmentRequestsCard({ amendments, action }: { amendments: AmendmentViewT[]; action?: React.ReactNode }) {
  return (
    <Card title="Changes to this order" titleId="amendments" actions={action}>
      {amendments.length === 0 ? (
        <p className="text-sm text-slate-600">No changes requested.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {amendments.map((a) => (
            <li key={a.id} className="space-y-1 py-3" data-testid={`amendment-${a.number}`}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{a.number}</span>
                <Badge tone={TONE[a.status as keyof typeof TONE] ?? "gray"}>{STATUS_WORDS[a.status]}</Badge>
                <span className="text-slate-500">
                  {a.requestedBy}, {formatDateTime(a.createdAt)}
                </span>
              </p>
              <ul className="space-y-0.5 text-slate-700">
                {a.changes.map((c) => (
                  <li key={c.path}>
                    {COMMAND_WORDS[c.command]}: <span className="text-slate-500 line-through">{valueText(c.oldValue)}</span> → {valueText(c.newValue)}
                  </li>
                ))}
              </ul>
              {a.status === "REQUIRES_APPROVAL" && (
                <p className="text-slate-600">Waiting for {a.assessment.requiredApprovals.map((r) => levelWords(r.level)).join(" and ")}.</p>
              )}
              {a.failureReason && <p className="text-red-700">{a.failureReason}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
