import type { listApprovalRuleChanges } from "@/lib/modules/approvals/server/rules";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { Card } from "@/components/ui/card";

type RuleChange = Awaited<ReturnType<typeof listApprovalRuleChanges>>[number];

/** The latest changes to the rules: what happened to which rule, by whom and when, and for an update what changed. */
export function RuleChangesCard({ changes, ruleNames }: { changes: RuleChange[]; ruleNames: ReadonlyMap<string, string> }) {
  return (
    <Card title="Recent changes" titleId="rule-changes" className="mt-6">
      {changes.length === 0 ? (
        <p className="text-sm text-slate-600">No rule was changed yet.</p>
      ) : (
        <ul aria-label="Rule changes" className="divide-y divide-slate-100 text-sm">
          {changes.map((c) => (
            <li key={c.id} className="py-2">
              <span className="font-medium">{humanizeEnum(c.action)}</span> {ruleNames.get(c.ruleId) ?? c.ruleId} by {c.actor} ·{" "}
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
              {c.action === "UPDATED" && <ChangeDiff before={c.before} after={c.after} />}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The fields an update changed, before → after. */
function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = Object.keys(a).filter((k) => k !== "version" && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  if (!keys.length) return null;
  return (
    <ul className="mt-1 list-disc pl-5 text-xs text-slate-600">
      {keys.map((k) => (
        <li key={k}>
          {k}: <code>{JSON.stringify(b[k])}</code> → <code>{JSON.stringify(a[k])}</code>
        </li>
      ))}
    </ul>
  );
}
