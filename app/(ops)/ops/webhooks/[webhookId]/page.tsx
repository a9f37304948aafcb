import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/platform/db/client";
import { isDomainError } from "@/lib/platform/errors";
import { DeliveryQuery, WEBHOOK_EVENT_TYPES } from "@/lib/modules/webhooks/contracts/webhooks";
import { getWebhook } from "@/lib/modules/webhooks/server/endpoints";
import { listDeliveries } from "@/lib/modules/webhooks/server/deliveries";
import { formatDateTime } from "@/lib/ui/format";
import { requestActor } from "@/components/orders/load-order";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DescriptionList } from "@/components/ui/description-list";
import { WebhookStatusBadge } from "@/components/webhooks/webhook-status-badge";
import { DeliveryFilters } from "@/components/webhooks/delivery-filters";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { ActionButton, RotateSecretButton } from "@/components/webhooks/webhook-controls";
import { ReplayForm } from "@/components/webhooks/replay-form";
import { deleteWebhookAction, disableWebhookAction, enableWebhookAction, replayWebhookAction, resendDeliveryAction, rotateSecretAction } from "../actions";

export const metadata: Metadata = { title: "Webhook" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(webhookId: string, sp: Awaited<SearchParams>) {
  const actor = await requestActor();
  const one = (k: string) => (typeof sp[k] === "string" && sp[k] ? (sp[k] as string) : undefined);
  const parsed = DeliveryQuery.safeParse({ status: one("status"), eventType: one("eventType"), cursor: one("cursor"), limit: 50 });
  const query = parsed.success ? parsed.data : DeliveryQuery.parse({ limit: 50 });
  try {
    return { query, webhook: await getWebhook(db(), actor, webhookId), page: await listDeliveries(db(), actor, webhookId, query) };
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ webhookId: string }>; searchParams: SearchParams }) {
  const { webhookId } = await params;
  const { webhook: w, page, query } = await load(webhookId, await searchParams);
  const ref = { webhookId: w.id };
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/ops/webhooks" className="hover:underline">
            ← Webhooks
          </Link>
        }
        title={<span className="break-all">{w.url}</span>}
        badge={<WebhookStatusBadge status={w.status} reason={w.disabledReason} />}
        description={w.description || undefined}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title="Deliveries" titleId="deliveries">
            <DeliveryFilters webhookId={w.id} status={query.status} eventType={query.eventType} eventTypes={w.eventTypes.includes("*") ? WEBHOOK_EVENT_TYPES : w.eventTypes} />
            {page.items.length === 0 ? (
              <EmptyState title="No deliveries">None match; events are delivered within seconds of being written.</EmptyState>
            ) : (
              <DeliveryLog webhookId={w.id} deliveries={page.items} resendAction={resendDeliveryAction} />
            )}
            {page.nextCursor && (
              <Link href={`/ops/webhooks/${w.id}?${new URLSearchParams({ ...(query.status ? { status: query.status } : {}), ...(query.eventType ? { eventType: query.eventType } : {}), cursor: page.nextCursor })}`} className="text-sm text-indigo-700 hover:underline">
                Older deliveries →
              </Link>
            )}
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Endpoint" titleId="endpoint">
            <DescriptionList
              items={[
                { label: "Event types", value: <span className="break-words">{w.eventTypes.includes("*") ? "All events" : w.eventTypes.join(", ")}</span> },
                { label: "Registered", value: formatDateTime(w.createdAt) },
                { label: "Failing since", value: w.failingSince ? formatDateTime(w.failingSince) : "—" },
                { label: "Previous secret valid until", value: w.secretRotatedUntil ? formatDateTime(w.secretRotatedUntil) : "—" },
              ]}
            />
            <div className="mt-4 flex flex-wrap gap-3">
              {w.status === "ACTIVE" ? <ActionButton action={disableWebhookAction} label="Disable" fields={ref} /> : <ActionButton action={enableWebhookAction} label="Enable" variant="primary" fields={ref} />}
              <RotateSecretButton action={rotateSecretAction} webhookId={w.id} />
              <ActionButton action={deleteWebhookAction} label="Delete" variant="danger" fields={ref} />
            </div>
          </Card>
          <Card title="Replay a time range" titleId="replay">
            <ReplayForm webhookId={w.id} action={replayWebhookAction} />
          </Card>
        </div>
      </div>
    </>
  );
}
