// The body of a webhook delivery (API.md "Webhooks"): exactly { id, type, occurredAt, orderId,
// sequence, data }, where data is the outbox payload as stored (see the event catalog).

export interface OutboxEventLike {
  id: string;
  type: string;
  createdAt: Date;
  orderId: string | null;
  sequence: number;
  payload: unknown;
}

export interface WebhookBody {
  id: string;
  type: string;
  occurredAt: string;
  orderId: string | null;
  sequence: number;
  data: unknown;
}

export function webhookBody(event: OutboxEventLike): WebhookBody {
  return { id: event.id, type: event.type, occurredAt: event.createdAt.toISOString(), orderId: event.orderId, sequence: event.sequence, data: event.payload };
}

/** Which stream an event belongs to: events of one stream reach an endpoint in sequence order. */
export function streamKeyOf(event: { aggregateType: string; aggregateId: string }): string {
  return `${event.aggregateType}:${event.aggregateId}`;
}

/** Whether an endpoint subscribed to `eventTypes` (["*"] = every type) receives events of `type`. */
export function subscribes(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.includes("*") || eventTypes.includes(type);
}

/** A response body cut to at most `max` bytes of UTF-8 (for the attempt log). */
export function excerpt(text: string, max = 1024): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= max) return text;
  return bytes.subarray(0, max).toString("utf8").replace(/\uFFFD+$/, "");
}
