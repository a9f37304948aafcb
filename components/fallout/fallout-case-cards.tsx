import Link from "next/link";
import type { FalloutCaseViewT } from "@/lib/modules/compensation/contracts/fallout";
import { formatMoney } from "@/lib/platform/money/money";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { Alert } from "@/components/ui/alert";

/** The order, cancellation and step that fell out, with the step's last error. */
export function FalloutWhatCard({ falloutCase: c }: { falloutCase: FalloutCaseViewT }) {
  const task = c.task;
  return (
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
  );
}

/** Each run of the step by the job runner: outcome, start, runner and error. */
export function FalloutAttemptsCard({ attempts }: { attempts: FalloutCaseViewT["attempts"] }) {
  return (
    <Card title="Attempts" titleId="attempts">
      {attempts.length === 0 ? (
        <p className="text-sm text-slate-600">No runs recorded (a manual step is done by people, not the runner).</p>
      ) : (
        <ol aria-label="Attempts" className="space-y-2 text-sm">
          {attempts.map((a) => (
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
  );
}

/** How a closed case ended: resolved or abandoned, by whom, when, and the evidence or resolution given. */
export function FalloutOutcomeCard({ falloutCase: c }: { falloutCase: FalloutCaseViewT }) {
  return (
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
  );
}
