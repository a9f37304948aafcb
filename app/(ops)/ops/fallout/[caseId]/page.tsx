import { FalloutContextCard } from "@/components/fallout/fallout-context-card";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/platform/db/client";
import { isDomainError } from "@/lib/platform/errors";
import { getFalloutCase } from "@/lib/modules/compensation/server/fallout-cases";
import { requestActor } from "@/components/orders/load-order";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { FalloutStatusBadge } from "@/components/fallout/fallout-status-badge";
import { CaseActions } from "@/components/fallout/case-actions";
import { FalloutAttemptsCard, FalloutOutcomeCard, FalloutWhatCard } from "@/components/fallout/fallout-case-cards";
import { abandonCaseAction, resolveCaseAction, retryCaseAction } from "../actions";

export const metadata: Metadata = { title: "Fallout case" };

async function load(caseId: string) {
  const actor = await requestActor();
  try {
    return await getFalloutCase(db(), actor, caseId);
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export default async function FalloutCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const c = await load(caseId);
  const active = c.status === "OPEN" || c.status === "IN_REPAIR";
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/ops/fallout" className="hover:underline">
            ← Fallout
          </Link>
        }
        title={`Fallout case ${c.number}`}
        badge={<FalloutStatusBadge status={c.status} />}
        description={c.reason}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <FalloutWhatCard falloutCase={c} />
          <FalloutAttemptsCard attempts={c.attempts} />
          <FalloutContextCard context={c.context} currency={c.currency} />
        </div>
        <div className="space-y-6">
          {active ? (
            <Card title="Repair" titleId="repair">
              <CaseActions caseId={c.id} canRetry={!!c.task} retryAction={retryCaseAction} resolveAction={resolveCaseAction} abandonAction={abandonCaseAction} />
            </Card>
          ) : (
            <FalloutOutcomeCard falloutCase={c} />
          )}
        </div>
      </div>
    </>
  );
}
