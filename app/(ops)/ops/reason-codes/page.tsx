import type { Metadata } from "next";
import { db } from "@/lib/platform/db/client";
import { requireRole } from "@/lib/platform/auth/session";
import { REASON_CODE_KINDS } from "@/lib/modules/orders/contracts/reason-codes";
import { listReasonCodeCatalogue, listReasonCodeChanges } from "@/lib/modules/orders/server/reason-code-admin";
import { formatDateTime } from "@/lib/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EditReasonCodeForm, NewReasonCodeForm } from "@/components/reason-codes/reason-code-forms";
import { createReasonCodeAction, saveReasonCodeAction } from "./actions";

export const metadata: Metadata = { title: "Reason codes" };

const TITLES = { CANCELLATION: "Cancellations", AMENDMENT: "Amendments", RETURN: "Returns", SUPPLEMENTAL: "Supplemental orders" } as const;

export default async function ReasonCodesPage() {
  const actor = await requireRole("OPS");
  const [reasons, changes] = await Promise.all([listReasonCodeCatalogue(db(), actor), listReasonCodeChanges(db(), actor, 15)]);
  return (
    <>
      <PageHeader title="Reason codes" description="The reasons people give for each kind of change. Buyers are offered only the reasons marked for them; an inactive reason is no longer offered or accepted (requests that gave it keep it)." />
      <Card title="New reason code" titleId="new-reason" className="mb-6">
        <NewReasonCodeForm kinds={REASON_CODE_KINDS} action={createReasonCodeAction} />
      </Card>
      <div className="space-y-6">
        {REASON_CODE_KINDS.map((kind) => (
          <Card key={kind} title={TITLES[kind]} titleId={`kind-${kind}`}>
            <ul className="divide-y divide-slate-100">
              {reasons
                .filter((r) => r.appliesTo === kind)
                .map((r) => (
                  <li key={r.code} className="py-3 first:pt-0 last:pb-0">
                    <EditReasonCodeForm reason={r} action={saveReasonCodeAction} />
                  </li>
                ))}
            </ul>
          </Card>
        ))}
        <Card title="Recent changes" titleId="reason-changes">
          {changes.length === 0 ? (
            <p className="text-sm text-slate-600">No changes yet.</p>
          ) : (
            <ul className="space-y-1 text-sm text-slate-700">
              {changes.map((c) => (
                <li key={c.id} className="break-words">
                  {formatDateTime(c.createdAt)} · <span className="font-mono">{c.code}</span> {c.action.toLowerCase()} by {c.actorLabel}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
