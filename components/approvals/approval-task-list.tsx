import { levelLabel } from "@/lib/ui/approver-words";
// A subject's approval tasks as the approver sees them: level, status, the rule that asked, who
// decided and when, and when a pending one expires.
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { Badge } from "@/components/ui/badge";

interface TaskView {
  id: string;
  level: string;
  status: string;
  reason: string;
  ruleName?: string | null;
  escalatedFromId?: string | null;
  reviewer: string | null;
  comment: string | null;
  decidedAt: string | null;
  expiresAt: string | null;
}

export function ApprovalTaskList({ tasks }: { tasks: readonly TaskView[] }) {
  if (tasks.length === 0) return <p className="p-4 text-sm text-slate-600">No approval was needed.</p>;
  return (
    <ul aria-label="Approval tasks" className="divide-y divide-slate-100 text-sm">
      {tasks.map((t) => (
        <li key={t.id} aria-label={`${levelLabel(t.level)} approval`} className="space-y-1 px-4 py-3">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={t.status === "PENDING" ? "amber" : t.status === "APPROVED" ? "green" : t.status === "REJECTED" ? "red" : "gray"}>{levelLabel(t.level)}</Badge>
            <span className="font-medium">{humanizeEnum(t.status)}</span>
            {t.ruleName && <span className="text-slate-600">· rule “{t.ruleName}”</span>}
            {t.escalatedFromId && <Badge tone="red">Escalated</Badge>}
          </div>
          <p className="text-slate-700">{t.reason}</p>
          {t.reviewer && (
            <p className="text-slate-600">
              {humanizeEnum(t.status)} by {t.reviewer}
              {t.decidedAt && (
                <>
                  {" "}
                  on <time dateTime={t.decidedAt}>{formatDateTime(t.decidedAt)}</time>
                </>
              )}
              {t.comment ? `: “${t.comment}”` : ""}
            </p>
          )}
          {t.status === "PENDING" && t.expiresAt && (
            <p className="text-slate-600">
              Expires <time dateTime={t.expiresAt}>{formatDateTime(t.expiresAt)}</time>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
