// Webhook endpoints and deliveries over the API (API.md "Webhooks") and the OPS page.
import { z } from "zod";
import { ListQuery, pageOf } from "../../../platform/contracts/common.ts";
import { EVENT_DEFINITIONS } from "../../audit/contracts/events.ts";

/** Every type an endpoint may subscribe to: the event catalog, or `*` for all of them. */
export const WEBHOOK_EVENT_TYPES: readonly string[] = EVENT_DEFINITIONS.map((d) => d.type);
export const ENDPOINT_STATUSES = ["ACTIVE", "DISABLED"] as const;
export const DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
const noNul = (s: string) => !s.includes("\u0000");

export const CreateWebhook = z.strictObject({
  url: z.string().trim().min(1, "is required").max(2000).refine(noNul, "must not contain NUL characters").meta({ description: "http(s) URL the events are POSTed to" }),
  eventTypes: z
    .array(
      z
        .string()
        .trim()
        .refine((t) => t === "*" || WEBHOOK_EVENT_TYPES.includes(t), { message: "is not an event type of the catalog (see /docs/api), nor *" }),
    )
    .min(1, "choose at least one event type, or *")
    .max(WEBHOOK_EVENT_TYPES.length + 1)
    .transform((types) => (types.includes("*") ? ["*"] : [...new Set(types)])),
  description: z.string().trim().max(500).refine(noNul, "must not contain NUL characters").default(""),
});
export type CreateWebhookT = z.infer<typeof CreateWebhook>;

export const WebhookId = z.object({ webhookId: z.string().min(1).max(100) });
export const DeliveryId = WebhookId.extend({ deliveryId: z.string().min(1).max(100) });

export const WebhookView = z
  .object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    description: z.string(),
    status: z.enum(ENDPOINT_STATUSES),
    disabledReason: z.string().nullable(),
    failingSince: z.string().nullable(),
    secretRotatedUntil: z.string().nullable().meta({ description: "while set, the previous secret also signs until then" }),
    createdAt: z.string(),
  })
  .meta({ id: "Webhook" });
export type WebhookViewT = z.infer<typeof WebhookView>;

export const WebhookWithSecret = WebhookView.extend({ secret: z.string().meta({ description: "whsec_…: shown only here" }) }).meta({ id: "WebhookWithSecret" });
export const WebhookPage = pageOf(WebhookView).meta({ id: "WebhookPage" });
export const WebhookDeleted = z.object({ id: z.string(), deleted: z.literal(true) }).meta({ id: "WebhookDeleted" });

export const RotateSecret = z.strictObject({
  graceMinutes: z.number().int().min(0).max(7 * 24 * 60).default(24 * 60).meta({ description: "how long the previous secret still signs (default a day)" }),
});

export const DeliveryQuery = ListQuery.extend({
  status: z.enum(DELIVERY_STATUSES).optional(),
  eventType: z.string().min(1).max(100).optional(),
});
export type DeliveryQueryT = z.infer<typeof DeliveryQuery>;

export const AttemptView = z.object({
  attempt: z.number().int(),
  startedAt: z.string(),
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  responseExcerpt: z.string().nullable(),
  error: z.string().nullable(),
});

export const DeliveryView = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    orderId: z.string().nullable(),
    sequence: z.number().int(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    attemptLog: z.array(AttemptView).optional().meta({ description: "every attempt, newest first (list: the last 10)" }),
  })
  .meta({ id: "WebhookDelivery" });
export type DeliveryViewT = z.infer<typeof DeliveryView>;
export const DeliveryPage = pageOf(DeliveryView).meta({ id: "WebhookDeliveryPage" });

const Instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z" });
export const Replay = z
  .strictObject({ from: Instant, to: Instant })
  .refine((r) => Date.parse(r.from) <= Date.parse(r.to), { message: "must not be after to", path: ["from"] });
export type ReplayT = z.infer<typeof Replay>;
export const ReplayResult = z.object({ events: z.number().int().meta({ description: "events of the range the endpoint subscribes to, queued again" }) }).meta({ id: "WebhookReplay" });

/** Most events one replay re-queues; a longer range is refused (422), replay it in parts. */
export const MAX_REPLAY_EVENTS = 10_000;

/** What a webhook POSTs: the body of every delivery (data = the event's catalogued payload). */
export const WebhookDeliveryBody = z
  .object({
    id: z.string().meta({ description: "the event id; also the webhook-id header, the same on every retry" }),
    type: z.string().meta({ description: "an event type of the catalog" }),
    occurredAt: z.string().meta({ description: "when the event was written (ISO 8601)" }),
    orderId: z.string().nullable(),
    sequence: z.number().int().meta({ description: "the event's position among its aggregate's events" }),
    data: z.record(z.string(), z.unknown()).meta({ description: "the payload, as in the event catalog" }),
  })
  .meta({ id: "WebhookDeliveryBody" });
