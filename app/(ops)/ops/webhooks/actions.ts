"use server";
// Server actions of the webhook pages, through the action wrapper (lib/platform/actions/define-action.ts):
// register (the secret is shown once), rotate the secret, disable, enable, delete, resend one
// delivery, replay a time range.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { CreateWebhook, Replay, RotateSecret } from "@/lib/modules/webhooks/contracts/webhooks";
import { createWebhook, deleteWebhook, disableWebhook, enableWebhook, rotateWebhookSecret } from "@/lib/modules/webhooks/server/endpoints";
import { replayWebhook, resendDelivery } from "@/lib/modules/webhooks/server/deliveries";
import { defineAction, FormId, pagesShowing, redirectTo } from "@/lib/platform/actions/define-action";
import { formRawText } from "@/lib/platform/actions/action-result";

const WebhookRef = z.object({ webhookId: FormId });
const DeliveryRef = WebhookRef.extend({ deliveryId: FormId });
const MESSAGES = { CONFLICT: true, NOT_FOUND: "This webhook no longer exists.", VALIDATION_FAILED: true } as const;

/** A datetime-local field (the browser's local time without zone) as ISO; the zone offset comes from a hidden field. */
function instant(form: FormData, name: string): string | undefined {
  const value = formRawText(form, name)?.trim();
  if (!value) return value;
  const offset = Number(formRawText(form, "tzOffset") ?? "0");
  const local = Date.parse(`${value}Z`);
  return Number.isNaN(local) ? value : new Date(local + (Number.isFinite(offset) ? offset : 0) * 60_000).toISOString();
}

export const createWebhookAction = defineAction({
  name: "createWebhook",
  ref: z.object({}),
  input: (form) => ({ url: formRawText(form, "url"), eventTypes: form.getAll("eventTypes").map(String), description: formRawText(form, "description") ?? "" }),
  schema: CreateWebhook,
  toField: (path) => (path.startsWith("eventTypes") ? "eventTypes" : path.split(".")[0]),
  messages: MESSAGES,
  run: (actor, input) => createWebhook(db(), actor, input),
  revalidate: () => pagesShowing.webhooks(),
  onSuccess: (w) => ({ ok: true, message: `Webhook registered for ${w.url}.`, data: { id: w.id, secret: w.secret } }),
});

export const rotateSecretAction = defineAction({
  name: "rotateWebhookSecret",
  ref: WebhookRef,
  input: () => ({}),
  schema: RotateSecret,
  messages: MESSAGES,
  run: (actor, input, ref) => rotateWebhookSecret(db(), actor, ref.webhookId, input),
  revalidate: ({ ref }) => pagesShowing.webhooks(ref.webhookId),
  onSuccess: (w) => ({ ok: true, message: "New secret: the previous one also signs for a day.", data: { id: w.id, secret: w.secret } }),
});

export const disableWebhookAction = defineAction({
  name: "disableWebhook",
  ref: WebhookRef,
  messages: MESSAGES,
  run: (actor, _input, ref) => disableWebhook(db(), actor, ref.webhookId),
  revalidate: ({ ref }) => pagesShowing.webhooks(ref.webhookId),
  onSuccess: () => ({ ok: true, message: "Disabled: deliveries wait until it is enabled." }),
});

export const enableWebhookAction = defineAction({
  name: "enableWebhook",
  ref: WebhookRef,
  messages: MESSAGES,
  run: (actor, _input, ref) => enableWebhook(db(), actor, ref.webhookId),
  revalidate: ({ ref }) => pagesShowing.webhooks(ref.webhookId),
  onSuccess: () => ({ ok: true, message: "Enabled: waiting deliveries go out now." }),
});

export const deleteWebhookAction = defineAction({
  name: "deleteWebhook",
  ref: WebhookRef,
  messages: MESSAGES,
  run: (actor, _input, ref) => deleteWebhook(db(), actor, ref.webhookId),
  revalidate: ({ ref }) => pagesShowing.webhooks(ref.webhookId),
  onSuccess: () => redirectTo("/ops/webhooks"),
});

export const resendDeliveryAction = defineAction({
  name: "resendWebhookDelivery",
  ref: DeliveryRef,
  messages: MESSAGES,
  run: (actor, _input, ref) => resendDelivery(db(), actor, ref.webhookId, ref.deliveryId),
  revalidate: ({ ref }) => pagesShowing.webhooks(ref.webhookId),
  onSuccess: () => ({ ok: true, message: "Queued to be sent again." }),
});

export const replayWebhookAction = defineAction({
  name: "replayWebhook",
  ref: WebhookRef,
  input: (form) => ({ from: instant(form, "from"), to: instant(form, "to") }),
  schema: Replay,
  messages: MESSAGES,
  run: (actor, input, ref) => replayWebhook(db(), actor, ref.webhookId, input),
  revalidate: ({ ref }) => pagesShowing.webhooks(ref.webhookId),
  onSuccess: (r) => ({ ok: true, message: `${r.events} event${r.events === 1 ? "" : "s"} queued again.` }),
});
