import type { Metadata } from "next";
import { db } from "@/lib/platform/db/client";
import { listSafetyPolicyChanges, loadSafetyPolicy } from "@/lib/modules/amendments/server/safety-policy";
import { authorize } from "@/lib/platform/auth/actor";
import { requestActor } from "@/components/orders/load-order";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { SafetyMatrixForm } from "@/components/amendments/safety-matrix-form";
import { describeMatrix, matrixDiff } from "@/lib/ui/safety-matrix";
import { formatDateTime } from "@/lib/ui/format";
import { saveSafetyMatrixAction } from "./actions";

export const metadata: Metadata = { title: "Amendment safety matrix" };
export const dynamic = "force-dynamic";

export default async function AmendmentMatrixPage() {
  const actor = await requestActor();
  authorize(actor, "amendment.policy.manage");
  const [policy, changes] = await Promise.all([loadSafetyPolicy(db()), listSafetyPolicyChanges(db(), actor)]);
  return (
    <>
      <PageHeader
        title="Amendment safety matrix"
        description={
          policy.version === 0
            ? "What each change to an order may do in each phase. These are the product defaults; saving stores your version."
            : `What each change to an order may do in each phase. Version ${policy.version}, saved ${formatDateTime(policy.updatedAt!)}.`
        }
      />
      <SafetyMatrixForm action={saveSafetyMatrixAction} rows={describeMatrix(policy.matrix)} version={policy.version} />
      <p className="mt-3 text-sm text-slate-600">
        A quantity decrease is a cancellation: the cancellation stage policy decides it. Amendments already requested keep the matrix
        they were assessed with; one applied later under a changed matrix fails and must be requested again.
      </p>
      <Card title="Changes" titleId="matrix-changes" className="mt-6">
        {changes.length === 0 ? (
          <p className="text-sm text-slate-600">The matrix has not been changed.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {changes.map((c) => (
              <li key={c.version} className="py-2">
                <p className="font-medium text-slate-900">
                  Version {c.version} by {c.by}, {formatDateTime(c.at)}
                </p>
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {matrixDiff(c.before, c.after).map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
