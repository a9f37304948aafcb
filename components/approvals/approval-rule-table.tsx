import { levelLabel } from "@/lib/ui/approver-words";
import type { ComponentProps } from "react";
import Link from "next/link";
import type { ApprovalRuleView } from "@/lib/modules/approvals/server/rules";
import { describeAutoApprove, describeCriteria, describeExpiry } from "@/lib/ui/approval-rules";
import { Badge } from "@/components/ui/badge";
import { RuleRowActions } from "./rule-row-actions";

type RowActions = Pick<ComponentProps<typeof RuleRowActions>, "moveAction" | "toggleAction">;

/** The stored rules in evaluation order, each with what it matches, its level, auto-approval, expiry and row actions. */
export function ApprovalRuleTable({ rules, moveAction, toggleAction }: { rules: ApprovalRuleView[] } & RowActions) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
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
            <ApprovalRuleRow key={r.id} rule={r} first={i === 0} last={i === rules.length - 1} moveAction={moveAction} toggleAction={toggleAction} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ApprovalRuleRow({ rule: r, first, last, moveAction, toggleAction }: { rule: ApprovalRuleView; first: boolean; last: boolean } & RowActions) {
  return (
    <tr aria-label={r.name} className={r.active ? "" : "bg-slate-50 text-slate-500"}>
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
        <Badge tone="amber">{levelLabel(r.level)}</Badge>
      </td>
      <td className="hidden px-4 py-3 lg:table-cell">{describeAutoApprove(r) ?? "—"}</td>
      <td className="hidden px-4 py-3 md:table-cell">{describeExpiry(r)}</td>
      <td className="px-4 py-3 text-right">
        <RuleRowActions ruleId={r.id} name={r.name} active={r.active} first={first} last={last} moveAction={moveAction} toggleAction={toggleAction} />
      </td>
    </tr>
  );
}
