import { RunReconciliationButton } from "@/components/checks/run-reconciliation-button";
import { runReconciliationAction } from "./actions";
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/platform/db/client";
import { getReconciliationReport } from "@/lib/modules/checks/server/reconciliation";
import { requestActor } from "@/components/orders/load-order";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Reconciliation" };
export const dynamic = "force-dynamic";

export default async function ReconciliationPage() {
  const actor = await requestActor();
  const report = await getReconciliationReport(db(), actor);
  const lastRun = await db().job.findFirst({ where: { type: "reconciliation.run", status: "DONE" }, orderBy: { completedAt: "desc" }, select: { completedAt: true } });
  return (
    <>
      <PageHeader
        title="Reconciliation"
        description={
          <>
            Checked {formatDateTime(report.checkedAt)}
            {lastRun?.completedAt && <> · the periodic check last ran {formatDateTime(lastRun.completedAt)}</>}. Run now to record a check.
          </>
        }
        actions={
          <div className="flex flex-wrap items-center justify-end gap-3">
            <RunReconciliationButton action={runReconciliationAction} />
            <Link href="/ops/fallout" className="text-sm font-medium text-indigo-700 hover:underline">
              Fallout →
            </Link>
          </div>
        }
      />
      {report.findings.length === 0 ? (
        <Alert tone="success" role="status" className="mb-6" title="Everything reconciles">
          No inconsistencies found.
        </Alert>
      ) : (
        <Alert tone="error" role="alert" className="mb-6" title={`${report.findings.length} inconsistenc${report.findings.length === 1 ? "y" : "ies"} found`} />
      )}
      <div className="space-y-4">
        {report.checks.map((check) => {
          const findings = report.findings.filter((f) => f.check === check.check);
          return (
            <Card key={check.check} title={check.label} titleId={`check-${check.check}`} actions={<Badge tone={findings.length ? "red" : "green"}>{findings.length}</Badge>}>
              {findings.length === 0 ? (
                <p className="text-sm text-slate-600">Nothing found.</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm">
                  {findings.map((f) => (
                    <li key={`${f.objectType}:${f.objectId}:${f.problem}`} className="py-1.5">
                      <Link href={f.href} className="font-medium text-indigo-700 hover:underline">
                        {f.objectType} {f.label}
                      </Link>
                      <span className="text-slate-700"> — {f.problem}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          );
        })}
      </div>
    </>
  );
}
