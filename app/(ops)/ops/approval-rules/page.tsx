import { levelLabel } from "@/lib/ui/approver-words";
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/platform/db/client";
import { requireRole } from "@/lib/platform/auth/session";
import { listApprovalRuleChanges, listApprovalRules } from "@/lib/modules/approvals/server/rules";
import { describeCriteria } from "@/lib/ui/approval-rules";
import { DEFAULT_APPROVAL_RULES } from "@/lib/modules/approvals/domain/default-rules";
import { firstParam } from "@/lib/ui/paging";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { ApprovalRuleTable } from "@/components/approvals/approval-rule-table";
import { RuleChangesCard } from "@/components/approvals/rule-changes-card";
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
          {DEFAULT_APPROVAL_RULES.map((r) => `${describeCriteria(r)} → ${levelLabel(r.level)}`).join("; ")}.
        </EmptyState>
      ) : (
        <ApprovalRuleTable rules={rules} moveAction={moveRuleAction} toggleAction={toggleRuleAction} />
      )}
      <RuleChangesCard changes={changes} ruleNames={names} />
    </>
  );
}
