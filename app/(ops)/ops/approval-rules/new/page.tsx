import type { Metadata } from "next";
import Link from "next/link";
import { formValuesOf } from "@/lib/ui/approval-rules";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { RuleForm } from "@/components/approvals/rule-form";
import { saveRuleAction } from "../actions";

export const metadata: Metadata = { title: "New approval rule" };

export default function NewApprovalRulePage() {
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/ops/approval-rules" className="hover:text-indigo-700 hover:underline">
            ← Approval rules
          </Link>
        }
        title="New approval rule"
        description="New rules are evaluated after the existing ones; reorder them on the list."
      />
      <Card>
        <div className="p-4">
          <RuleForm action={saveRuleAction} values={formValuesOf(null)} />
        </div>
      </Card>
    </>
  );
}
