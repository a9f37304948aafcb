import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/platform/db/client";
import { requireRole } from "@/lib/platform/auth/session";
import { isDomainError } from "@/lib/platform/errors";
import { getApprovalRule } from "@/lib/modules/approvals/server/rules";
import { formValuesOf } from "@/lib/ui/approval-rules";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { RuleForm } from "@/components/approvals/rule-form";
import { saveRuleAction } from "../actions";

export const metadata: Metadata = { title: "Edit approval rule" };

export default async function EditApprovalRulePage({ params }: { params: Promise<{ ruleId: string }> }) {
  const { ruleId } = await params;
  const actor = await requireRole("OPS");
  const rule = await getApprovalRule(db(), actor, ruleId).catch((e) => {
    if (isDomainError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/ops/approval-rules" className="hover:text-indigo-700 hover:underline">
            ← Approval rules
          </Link>
        }
        title={`Edit “${rule.name}”`}
        badge={rule.active ? undefined : <Badge tone="gray">Inactive</Badge>}
        description={`Version ${rule.version}. Requests already waiting keep the rule as it was when they were made.`}
      />
      <Card>
        <div className="p-4">
          <RuleForm action={saveRuleAction} values={formValuesOf(rule)} ruleId={rule.id} version={rule.version} />
        </div>
      </Card>
    </>
  );
}
