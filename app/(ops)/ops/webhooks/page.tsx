import type { Metadata } from "next";
import { db } from "@/lib/platform/db/client";
import { listWebhooks } from "@/lib/modules/webhooks/server/endpoints";
import { WEBHOOK_EVENT_TYPES } from "@/lib/modules/webhooks/contracts/webhooks";
import { requestActor } from "@/components/orders/load-order";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { WebhookList } from "@/components/webhooks/webhook-list";
import { RegisterWebhookForm } from "@/components/webhooks/register-webhook-form";
import { createWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await requestActor();
  const { items } = await listWebhooks(db(), actor, { limit: 100 });
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Endpoints that receive outbox events as signed HTTP POSTs (Standard Webhooks), retried for about a day. See the API reference for the headers, body and event types."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          {items.length === 0 ? <EmptyState title="No webhooks yet">Register an endpoint to receive events.</EmptyState> : <WebhookList webhooks={items} />}
        </div>
        <Card title="Register a webhook" titleId="register" className="min-w-0">
          <RegisterWebhookForm eventTypes={WEBHOOK_EVENT_TYPES} action={createWebhookAction} />
        </Card>
      </div>
    </>
  );
}
