import type { ActionResult } from "@/lib/platform/actions/action-result";
import type { DeliveryViewT } from "@/lib/modules/webhooks/contracts/webhooks";
import { formatDateTime } from "@/lib/ui/format";
import { DeliveryStatusBadge } from "./webhook-status-badge";
import { ActionButton } from "./webhook-controls";

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/** The delivery log: each delivery with its attempts (status, duration, response excerpt, error) and a resend button. */
export function DeliveryLog({ webhookId, deliveries, resendAction }: { webhookId: string; deliveries: DeliveryViewT[]; resendAction: Action }) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="Deliveries">
      {deliveries.map((d) => (
        <li key={d.id} className="space-y-2 py-3" data-testid="webhook-delivery">
          <div className="flex flex-wrap items-center gap-2">
            <DeliveryStatusBadge status={d.status} />
            <span className="break-all font-medium text-slate-900">{d.eventType}</span>
            <span className="text-xs text-slate-500">
              #{d.sequence} · {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
              {d.lastStatusCode !== null && ` · last HTTP ${d.lastStatusCode}`}
            </span>
          </div>
          <p className="break-all text-xs text-slate-500">
            event {d.eventId}
            {d.orderId && ` · order ${d.orderId}`} · queued {formatDateTime(d.createdAt)}
            {d.deliveredAt && ` · delivered ${formatDateTime(d.deliveredAt)}`}
            {d.nextAttemptAt && ` · next attempt ${formatDateTime(d.nextAttemptAt)}`}
          </p>
          {d.lastError && <p className="break-words text-sm text-rose-700">{d.lastError}</p>}
          {!!d.attemptLog?.length && (
            <details className="text-sm">
              <summary className="cursor-pointer text-indigo-700">Attempts</summary>
              <ol className="mt-2 space-y-2">
                {d.attemptLog.map((a) => (
                  <li key={a.attempt} className="rounded bg-slate-50 p-2 text-xs">
                    <p>
                      #{a.attempt} · {formatDateTime(a.startedAt)} · {a.statusCode !== null ? `HTTP ${a.statusCode}` : "no response"} · {a.durationMs} ms
                    </p>
                    {a.error && <p className="break-words text-rose-700">{a.error}</p>}
                    {a.responseExcerpt && <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-all text-slate-700">{a.responseExcerpt}</pre>}
                  </li>
                ))}
              </ol>
            </details>
          )}
          <ActionButton action={resendAction} label="Resend" fields={{ webhookId, deliveryId: d.id }} />
        </li>
      ))}
    </ul>
  );
}
