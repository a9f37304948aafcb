import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/platform/db/client";
import { isDomainError } from "@/lib/platform/errors";
import { getFalloutCase } from "@/lib/modules/compensation/server/fallout-cases";
import { requestActor } from "@/components/orders/load-order";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { Alert } from "@/components/ui/alert";
import { FalloutStatusBadge } from "@/components/fallout/fallout-status-badge";
import { CaseActions } from "@/components/fallout/case-actions";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { formatMoney } from "@/lib/platform/money/money";
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
  const task = c.task;
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
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="What fell out" titleId="what">
            <DescriptionList
              items={[
                {
                  label: "Order",
                  value: (
                    <Link href={`/seller/orders/${c.orderId}`} className="text-indigo-700 hover:underline">
                      {c.orderNumber}
                    </Link>
                  ),
                },
                { label: "Cancellation", value: c.cancellationNumber ? `${c.cancellationNumber} · ${humanizeEnum(c.cancellationStatus ?? "")}` : "—" },
                { label: "Step", value: task ? `${humanizeEnum(task.type)} (${task.mode.toLowerCase()})` : "—" },
                { label: "Step status", value: task ? humanizeEnum(task.status) : "—" },
                ...(task?.amount !== null && task?.amount !== undefined ? [{ label: "Amount", value: formatMoney(task.amount, c.currency) }] : []),
                ...(task?.quantity !== null && task?.quantity !== undefined ? [{ label: "Units", value: String(task.quantity) }] : []),
                { label: "Reversibility", value: task ? humanizeEnum(task.reversibility) : "—" },
                { label: "External effect", value: task ? humanizeEnum(task.externalEffect) : "—" },
                { label: "Attempts", value: String(task?.attempts ?? 0) },
                ...(task?.dueAt ? [{ label: "Due", value: formatDateTime(task.dueAt) }] : []),
                { label: "Opened", value: formatDateTime(c.createdAt) },
              ]}
            />
            {task?.lastError && (
              <Alert tone="error" className="mt-3" title="Last error">
                {task.lastError}
              </Alert>
            )}
          </Card>
          <Card title="Attempts" titleId="attempts">
            {c.attempts.length === 0 ? (
              <p className="text-sm text-slate-600">No runs recorded (a manual step is done by people, not the runner).</p>
            ) : (
              <ol aria-label="Attempts" className="space-y-2 text-sm">
                {c.attempts.map((a) => (
                  <li key={a.attempt} className="rounded-md border border-slate-200 px-3 py-2">
                    <span className="font-medium">#{a.attempt}</span> · {a.outcome ? humanizeEnum(a.outcome) : "running"} ·{" "}
                    <time dateTime={a.startedAt}>{formatDateTime(a.startedAt)}</time>
                    <span className="text-slate-500"> · {a.owner}</span>
                    {a.error && <p className="mt-0.5 text-rose-700">{a.error}</p>}
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <Card title="Context when opened" titleId="context">
            <pre className="max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs text-slate-800">{JSON.stringify(c.context, null, 2)}</pre>
          </Card>
        </div>
        <div className="space-y-6">
          {active ? (
            <Card title="Repair" titleId="repair">
              <CaseActions caseId={c.id} canRetry={!!task} retryAction={retryCaseAction} resolveAction={resolveCaseAction} abandonAction={abandonCaseAction} />
            </Card>
          ) : (
            <Card title={c.status === "RESOLVED" ? "Resolved" : "Abandoned"} titleId="outcome">
              <DescriptionList
                items={[
                  { label: "By", value: c.resolvedBy ?? "—" },
                  { label: "At", value: c.resolvedAt ? formatDateTime(c.resolvedAt) : "—" },
                ]}
              />
              <p className="mt-2 text-sm text-slate-800" data-testid="case-outcome">
                {c.evidence ?? c.resolution}
              </p>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
