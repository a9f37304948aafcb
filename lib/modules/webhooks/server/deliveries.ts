// The delivery log of an endpoint (OPS): list with filters, resend one delivery, replay a time range.
import type { Db } from "../../../platform/db/client.ts";
import { authorize, type Actor } from "../../../platform/auth/actor.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import { decodeCursor, encodeCursor } from "../../../platform/db/pagination.ts";
import { MAX_REPLAY_EVENTS, type DeliveryQueryT, type ReplayT } from "../contracts/webhooks.ts";
import { subscribes } from "../domain/payload.ts";
import { queueDeliveries } from "./fan-out.ts";
import { deliveryView, parseEventTypes } from "./views.ts";

const ATTEMPTS = { orderBy: { attempt: "desc" as const } };

async function endpointOrThrow(db: Db, id: string) {
  const row = await db.webhookEndpoint.findUnique({ where: { id } });
  if (!row) throw notFound("Webhook");
  return row;
}

/** Deliveries of an endpoint, newest first, each with its last 10 attempts. */
export async function listDeliveries(db: Db, actor: Actor, webhookId: string, input: DeliveryQueryT) {
  authorize(actor, "webhook.manage");
  await endpointOrThrow(db, webhookId);
  const cursorId = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: webhookId, ...(input.status ? { status: input.status } : {}), ...(input.eventType ? { eventType: input.eventType } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    include: { attemptLog: { ...ATTEMPTS, take: 10 } },
    ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return { items: page.map(deliveryView), nextCursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!.id) : null };
}

export async function getDelivery(db: Db, actor: Actor, webhookId: string, deliveryId: string) {
  authorize(actor, "webhook.manage");
  const row = await db.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId: webhookId }, include: { attemptLog: ATTEMPTS } });
  if (!row) throw notFound("Delivery");
  return deliveryView(row);
}

/**
 * Sends a delivery again (whatever its state) as a fresh round of attempts, due at once. A delivery
 * a runner is sending right now is refused (409): its outcome is about to be recorded.
 */
export async function resendDelivery(db: Db, actor: Actor, webhookId: string, deliveryId: string, options: { now?: Date } = {}) {
  authorize(actor, "webhook.manage");
  const now = options.now ?? new Date();
  const row = await db.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId: webhookId } });
  if (!row) throw notFound("Delivery");
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: row.id, attempts: row.attempts, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
    data: { status: "PENDING", nextAttemptAt: now, roundStartedAt: now, roundAttempts: 0, deliveredAt: null, leaseOwner: null, leaseExpiresAt: null },
  });
  if (!count) throw new DomainError("CONFLICT", "The delivery is being sent right now; try again when the attempt is recorded");
  return getDelivery(db, actor, webhookId, deliveryId);
}

/**
 * Queues every event of [from, to] the endpoint subscribes to again: events it never got become
 * deliveries, those it had are resent as a fresh round (one delivery per event either way, so a
 * replay cannot double anything). At most MAX_REPLAY_EVENTS per call, else 422.
 */
export async function replayWebhook(db: Db, actor: Actor, webhookId: string, input: ReplayT, options: { now?: Date } = {}) {
  authorize(actor, "webhook.manage");
  const now = options.now ?? new Date();
  const endpoint = await endpointOrThrow(db, webhookId);
  const types = parseEventTypes(endpoint.eventTypes);
  const range = { createdAt: { gte: new Date(input.from), lte: new Date(input.to) }, ...(types.includes("*") ? {} : { type: { in: types } }) };
  const total = await db.outboxEvent.count({ where: range });
  if (total > MAX_REPLAY_EVENTS) {
    const message = `The range holds ${total} events; replay at most ${MAX_REPLAY_EVENTS} at a time`;
    throw new DomainError("VALIDATION_FAILED", message, { errors: [{ path: "to", message }] });
  }
  const events = await db.outboxEvent.findMany({
    where: range,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, type: true, aggregateType: true, aggregateId: true, orderId: true, sequence: true, createdAt: true },
  });
  const matching = events.filter((e) => subscribes(types, e.type));
  await queueDeliveries(db, matching, [endpoint], now);
  const ids = matching.map((e) => e.id);
  for (let i = 0; i < ids.length; i += 500) {
    await db.webhookDelivery.updateMany({
      where: { endpointId: webhookId, eventId: { in: ids.slice(i, i + 500) }, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
      data: { status: "PENDING", nextAttemptAt: now, roundStartedAt: now, roundAttempts: 0, deliveredAt: null, leaseOwner: null, leaseExpiresAt: null },
    });
  }
  return { events: matching.length };
}
