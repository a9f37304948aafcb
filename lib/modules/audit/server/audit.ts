import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel } from "../../../platform/auth/actor.ts";
import { z } from "zod";
import { eventDefinition, storedPayloadSchema, type EventAggregate, type EventPayloadInput, type EventType } from "../contracts/events.ts";

/**
 * What one store's sellers see of an entry: the command's part that concerned that store. Fields
 * left out are the entry's own (fine when they say nothing about other stores).
 */
export interface HistoryStorePart {
  storeId: string;
  description?: string;
  oldStatus?: string | null;
  newStatus?: string | null;
  data?: unknown;
}

export interface HistoryInput {
  orderId: string;
  subOrderId?: string | null;
  action: string;
  oldStatus?: string | null;
  newStatus?: string | null;
  description: string;
  data?: unknown;
  /**
   * The stores the command concerned, each with its part. Without parts the entry is about the
   * order as a whole (payments, order totals) and only who sees the whole order reads it.
   */
  stores?: readonly HistoryStorePart[];
}

/** The same entry for each store: for commands whose text names nothing store-specific. */
export function sameForStores(storeIds: Iterable<string>): HistoryStorePart[] {
  return [...new Set(storeIds)].map((storeId) => ({ storeId }));
}

const json = (data: unknown) => (data === undefined || data === null ? undefined : (JSON.parse(JSON.stringify(data)) as object));

/** One audit entry per command, carrying who, through which channel, from where, plus its store parts. */
export async function recordHistory(tx: Tx, actor: Actor, entry: HistoryInput) {
  const row = await tx.orderHistory.create({
    data: {
      orderId: entry.orderId,
      subOrderId: entry.subOrderId ?? null,
      action: entry.action,
      actorId: actor.userId,
      actorLabel: actorLabel(actor),
      oldStatus: entry.oldStatus ?? null,
      newStatus: entry.newStatus ?? null,
      description: entry.description,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent ?? null,
      data: entry.data === undefined ? undefined : (JSON.parse(JSON.stringify(entry.data)) as object),
    },
  });
  const parts = new Map((entry.stores ?? []).map((p) => [p.storeId, p]));
  if (parts.size) {
    await tx.orderHistoryStorePart.createMany({
      data: [...parts.values()].map((p) => ({
        historyId: row.id,
        orderId: entry.orderId,
        storeId: p.storeId,
        oldStatus: p.oldStatus !== undefined ? p.oldStatus : (entry.oldStatus ?? null),
        newStatus: p.newStatus !== undefined ? p.newStatus : (entry.newStatus ?? null),
        description: p.description ?? entry.description,
        data: json(p.data !== undefined ? p.data : entry.data),
        createdAt: row.createdAt,
      })),
    });
  }
  return row;
}

/** One event a command writes: a catalogued type and its payload (see lib/modules/audit/contracts/events.ts). */
export type DomainEvent = { [K in EventType]: { type: K; payload: EventPayloadInput<K> } }[EventType];

/** Builds an event whose type is only known as a type parameter (e.g. one of a few types with one shape). */
export function domainEvent<K extends EventType>(type: K, payload: EventPayloadInput<K>): DomainEvent {
  return { type, payload } as DomainEvent;
}

/**
 * A command tried to write an event the catalog does not describe (unknown type, wrong aggregate,
 * or a payload its schema rejects). A programming error, not a domain error: the command fails
 * with a 500 and nothing is written.
 */
export class InvalidOutboxEvent extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidOutboxEvent";
  }
}

/** The payload as it will be stored: checked against the catalog and stamped with its version. */
function catalogued(aggregateType: EventAggregate, event: DomainEvent, actor: Actor): Record<string, unknown> {
  const def = eventDefinition(event.type);
  if (!def) throw new InvalidOutboxEvent(`Event type ${JSON.stringify(event.type)} is not in the event catalog (lib/modules/audit/contracts/events.ts)`);
  if (def.aggregate !== aggregateType) throw new InvalidOutboxEvent(`${def.type} belongs to ${def.aggregate} aggregates, not ${aggregateType}`);
  // Validate exactly what is stored: the JSON form (undefined dropped, dates as strings) plus the envelope.
  const payload = { ...(JSON.parse(JSON.stringify({ ...event.payload, actorId: actor.userId })) as Record<string, unknown>), eventVersion: def.version };
  const parsed = storedPayloadSchema(def).safeParse(payload);
  if (!parsed.success) throw new InvalidOutboxEvent(`${def.type} v${def.version} payload does not match the event catalog: ${z.prettifyError(parsed.error)}`);
  return payload;
}

/**
 * Appends events to the outbox in the caller's transaction. `firstSequence` is the aggregate's next
 * sequence number; (aggregateType, aggregateId, sequence) is unique, so a replay cannot duplicate.
 * The one writer of outbox rows: every event must be in the catalog and its payload must parse with
 * the catalogued schema; the payload is stored with its `eventVersion`.
 */
export async function appendEvents(
  tx: Tx,
  actor: Actor,
  aggregate: { type: EventAggregate; id: string; orderId?: string | null },
  firstSequence: number,
  events: readonly DomainEvent[],
) {
  if (!events.length) return;
  const payloads = events.map((e) => catalogued(aggregate.type, e, actor));
  await tx.outboxEvent.createMany({
    data: events.map((e, i) => ({
      type: e.type,
      aggregateType: aggregate.type,
      aggregateId: aggregate.id,
      orderId: aggregate.orderId ?? null,
      sequence: firstSequence + i,
      payload: payloads[i]! as object,
      actorId: actor.userId,
      correlationId: actor.correlationId,
    })),
  });
}
