import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/platform/db/client";
import { requireRole } from "@/lib/platform/auth/session";
import { listApprovalRuleChanges, listApprovalRules } from "@/lib/modules/approvals/server/rules";
import { describeAutoApprove, describeCriteria, describeExpiry } from "@/lib/ui/approval-rules";
import { DEFAULT_APPROVAL_RULES } from "@/lib/modules/approvals/domain/default-rules";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { firstParam } from "@/lib/ui/paging";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { RuleRowActions } from "@/components/approvals/rule-row-actions";
import { moveRuleAction, toggleRuleAction } from "./actions";

export const metadata: Metadata = { title: "Approval rules" };

export default async function ApprovalRulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("OPS");
  const saved = firstParam((await searchParams).saved);
  const [rules, changes] = await Promise.all([listApprovalRules(db(), actor), listApprovalRuleChanges(db(), actor, undefined, 20)]);
  const names = new Map(rules.map((r) => [r.id, r.name]));
  return (
    <>
      <PageHeader
        title="Approval rules"
        description="Every active rule that matches a request asks for one approval at its level; the request proceeds when all are approved. Rules are evaluated in this order."
        actions={
          <Link href="/ops/approval-rules/new" className={buttonClass("primary")}>
            New rule
          </Link>
        }
      />
      {saved && (
        <Alert tone="success" role="status" className="mb-4">
          Rule “{saved.slice(0, 100)}” saved.
        </Alert>
      )}
      {rules.length === 0 ? (
        <EmptyState title="No rules stored yet">
          Until a rule is stored, approvals follow the default rules:{" "}
          {DEFAULT_APPROVAL_RULES.map((r) => `${describeCriteria(r)} → ${humanizeEnum(r.level)}`).join("; ")}.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Approval rules in evaluation order</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Rule
                </th>
                <th scope="col" className="px-4 py-3">
                  Matches
                </th>
                <th scope="col" className="px-4 py-3">
                  Level
                </th>
                <th scope="col" className="hidden px-4 py-3 lg:table-cell">
                  Auto-approved when
                </th>
                <th scope="col" className="hidden px-4 py-3 md:table-cell">
                  Expiry
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rules.map((r, i) => (
                <tr key={r.id} aria-label={r.name} className={r.active ? "" : "bg-slate-50 text-slate-500"}>
                  <th scope="row" className="px-4 py-3 text-left font-semibold">
                    <Link href={`/ops/approval-rules/${r.id}`} className="text-indigo-700 hover:underline">
                      {r.name}
                    </Link>
                    {!r.active && (
                      <Badge tone="gray" className="ml-2">
                        Inactive
                      </Badge>
                    )}
                  </th>
                  <td className="px-4 py-3">{describeCriteria(r)}</td>
                  <td className="px-4 py-3">
                    <Badge tone="amber">{r.level}</Badge>
                  </td>
                  <td className="hidden px-4 py-3 lg:table-cell">{describeAutoApprove(r) ?? "—"}</td>
                  <td className="hidden px-4 py-3 md:table-cell">{describeExpiry(r)}</td>
                  <td className="px-4 py-3 text-right">
                    <RuleRowActions
                      ruleId={r.id}
                      name={r.name}
                      active={r.active}
                      first={i === 0}
                      last={i === rules.length - 1}
                      moveAction={moveRuleAction}
                      toggleAction={toggleRuleAction}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Card title="Recent changes" titleId="rule-changes" className="mt-6">
        {changes.length === 0 ? (
          <p className="text-sm text-slate-600">No rule was changed yet.</p>
        ) : (
          <ul aria-label="Rule changes" className="divide-y divide-slate-100 text-sm">
            {changes.map((c) => (
              <li key={c.id} className="py-2">
                <span className="font-medium">{humanizeEnum(c.action)}</span> {names.get(c.ruleId) ?? c.ruleId} by {c.actor} ·{" "}
                <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                {c.action === "UPDATED" && <ChangeDiff before={c.before} after={c.after} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
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
