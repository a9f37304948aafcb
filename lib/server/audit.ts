import type { Tx } from "../db/client.ts";
import type { Actor } from "../auth/actor.ts";
import { actorLabel } from "../auth/actor.ts";

export interface HistoryInput {
  orderId: string;
  subOrderId?: string | null;
  action: string;
  oldStatus?: string | null;
  newStatus?: string | null;
  description: string;
  data?: unknown;
}

/** One audit entry per command, carrying who, through which channel, from where. */
export async function recordHistory(tx: Tx, actor: Actor, entry: HistoryInput) {
  return tx.orderHistory.create({
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
}

export interface DomainEvent {
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Appends events to the outbox in the caller's transaction. `firstSequence` is the aggregate's next
 * sequence number; (aggregateType, aggregateId, sequence) is unique, so a replay cannot duplicate.
 */
export async function appendEvents(
  tx: Tx,
  actor: Actor,
  aggregate: { type: string; id: string; orderId?: string | null },
  firstSequence: number,
  events: readonly DomainEvent[],
) {
  if (!events.length) return;
  await tx.outboxEvent.createMany({
    data: events.map((e, i) => ({
      type: e.type,
      aggregateType: aggregate.type,
      aggregateId: aggregate.id,
      orderId: aggregate.orderId ?? null,
      sequence: firstSequence + i,
      payload: JSON.parse(JSON.stringify({ ...e.payload, actorId: actor.userId })) as object,
      actorId: actor.userId,
      correlationId: actor.correlationId,
    })),
  });
}
