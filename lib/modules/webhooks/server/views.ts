import type { DeliveryViewT, WebhookViewT } from "../contracts/webhooks.ts";

type EndpointRow = {
  id: string;
  url: string;
  eventTypes: string;
  description: string;
  status: string;
  disabledReason: string | null;
  failingSince: Date | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
};

type DeliveryRow = {
  id: string;
  eventId: string;
  eventType: string;
  orderId: string | null;
  sequence: number;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
  attemptLog?: { attempt: number; startedAt: Date; durationMs: number; statusCode: number | null; responseExcerpt: string | null; error: string | null }[];
};

export function parseEventTypes(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
}

export function webhookView(row: EndpointRow, now = new Date()): WebhookViewT {
  const grace = row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt.toISOString() : null;
  return {
    id: row.id,
    url: row.url,
    eventTypes: parseEventTypes(row.eventTypes),
    description: row.description,
    status: row.status as WebhookViewT["status"],
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    secretRotatedUntil: grace,
    createdAt: row.createdAt.toISOString(),
  };
}

export function deliveryView(row: DeliveryRow): DeliveryViewT {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    orderId: row.orderId,
    sequence: row.sequence,
    status: row.status as DeliveryViewT["status"],
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    ...(row.attemptLog
      ? { attemptLog: row.attemptLog.map((a) => ({ attempt: a.attempt, startedAt: a.startedAt.toISOString(), durationMs: a.durationMs, statusCode: a.statusCode, responseExcerpt: a.responseExcerpt, error: a.error })) }
      : {}),
  };
}
