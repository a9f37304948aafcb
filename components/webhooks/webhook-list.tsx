import Link from "next/link";
import type { WebhookViewT } from "@/lib/modules/webhooks/contracts/webhooks";
import { formatDateTime } from "@/lib/ui/format";
import { WebhookStatusBadge } from "./webhook-status-badge";

/** Registered endpoints, newest first: URL, status, event types, failing since. */
export function WebhookList({ webhooks }: { webhooks: WebhookViewT[] }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" aria-label="Webhook endpoints">
      {webhooks.map((w) => (
        <li key={w.id} className="space-y-1 px-4 py-3">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/ops/webhooks/${w.id}`} className="min-w-0 break-all font-medium text-indigo-700 hover:underline">
              {w.url}
            </Link>
            <WebhookStatusBadge status={w.status} reason={w.disabledReason} />
          </div>
          {w.description && <p className="text-sm text-slate-700">{w.description}</p>}
          <p className="break-words text-xs text-slate-500">
            {w.eventTypes.includes("*") ? "All events" : w.eventTypes.join(", ")} · registered {formatDateTime(w.createdAt)}
            {w.failingSince && <span className="text-rose-700"> · failing since {formatDateTime(w.failingSince)}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
