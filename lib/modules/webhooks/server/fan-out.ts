import type { Db } from "../../../platform/db/client.ts";
import { streamKeyOf, subscribes } from "../domain/payload.ts";
import { parseEventTypes } from "./views.ts";

export interface OutboxRow {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  orderId: string | null;
  sequence: number;
  createdAt: Date;
}

const OUTBOX_SELECT = { id: true, type: true, aggregateType: true, aggregateId: true, orderId: true, sequence: true, createdAt: true } as const;

/**
 * Queues a delivery of each event for each endpoint given (ACTIVE ones that subscribe to its type).
 * A delivery is unique per (endpoint, event): one already there — made by another runner, or
 * earlier — is left as it is. Returns how many were queued.
 */
export async function queueDeliveries(db: Db, events: readonly OutboxRow[], endpoints: readonly { id: string; eventTypes: string }[], now: Date): Promise<number> {
  if (!events.length || !endpoints.length) return 0;
  const existing = await db.webhookDelivery.findMany({
    where: { eventId: { in: events.map((e) => e.id) }, endpointId: { in: endpoints.map((e) => e.id) } },
    select: { endpointId: true, eventId: true },
  });
  const have = new Set(existing.map((d) => `${d.endpointId}|${d.eventId}`));
  let created = 0;
  for (const event of events) {
    for (const endpoint of endpoints) {
      if (!subscribes(parseEventTypes(endpoint.eventTypes), event.type) || have.has(`${endpoint.id}|${event.id}`)) continue;
      try {
        await db.webhookDelivery.create({
          data: {
            endpointId: endpoint.id,
            eventId: event.id,
            eventType: event.type,
            orderId: event.orderId,
            streamKey: streamKeyOf(event),
            sequence: event.sequence,
            roundStartedAt: now,
            nextAttemptAt: now,
            eventCreatedAt: event.createdAt,
          },
        });
        created++;
      } catch (e) {
        if ((e as { code?: string }).code !== "P2002") throw e;
      }
    }
  }
  return created;
}

/**
 * Hands outbox events not yet handed over to every ACTIVE endpoint that subscribes to them, oldest
 * first, then marks them handed over (`deliveredAt`), a batch at a time (at most `maxBatches` per
 * pass, so a backlog drains without holding the runner). Safe with several runners: deliveries are
 * unique per (endpoint, event), and a runner that dies between the two steps leaves the events to
 * the next pass.
 */
export async function fanOutOutbox(db: Db, now: Date, batch = 200, maxBatches = 10): Promise<{ events: number; deliveries: number }> {
  const total = { events: 0, deliveries: 0 };
  for (let i = 0; i < maxBatches; i++) {
    const r = await fanOutBatch(db, now, batch);
    total.events += r.events;
    total.deliveries += r.deliveries;
    if (r.seen < batch) break;
  }
  return total;
}

async function fanOutBatch(db: Db, now: Date, batch: number): Promise<{ seen: number; events: number; deliveries: number }> {
  const candidates = await db.outboxEvent.findMany({ where: { deliveredAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: batch, select: { ...OUTBOX_SELECT, attempts: true } });
  if (!candidates.length) return { seen: 0, events: 0, deliveries: 0 };
  const endpoints = await db.webhookEndpoint.findMany({ where: { status: "ACTIVE" }, select: { id: true, eventTypes: true } });
  if (!endpoints.length) {
    // Nobody to deliver to: the whole batch is handed over in one statement.
    const { count } = await db.outboxEvent.updateMany({ where: { id: { in: candidates.map((c) => c.id) }, deliveredAt: null }, data: { deliveredAt: now, attempts: { increment: 1 } } });
    return { seen: candidates.length, events: count, deliveries: 0 };
  }
  // Each event is claimed by one runner (a conditional bump of its attempt count); one that died
  // after claiming leaves it undelivered with the higher count, for the next pass to claim again.
  const events: OutboxRow[] = [];
  for (const c of candidates) {
    const { count } = await db.outboxEvent.updateMany({ where: { id: c.id, deliveredAt: null, attempts: c.attempts }, data: { attempts: { increment: 1 } } });
    if (count) events.push(c);
  }
  const deliveries = await queueDeliveries(db, events, endpoints, now);
  if (events.length) await db.outboxEvent.updateMany({ where: { id: { in: events.map((e) => e.id) }, deliveredAt: null }, data: { deliveredAt: now } });
  return { seen: candidates.length, events: events.length, deliveries };
}
