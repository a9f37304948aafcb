// The outbox event catalog: every event type a command may write, with its version, what it means,
// the zod schema of its payload and an example. `appendEvents` (lib/modules/audit/server/audit.ts), the one
// writer, refuses anything not described here; the API reference renders it; an outbox relay
// delivers these payloads as the `data` of `{ id, type, occurredAt, orderId, sequence, data }`.
//
// A payload's shape changes only together with its `version`: readers tell shapes apart by the
// `eventVersion` stored in every payload.
//
// Each feature's events are defined in events/<feature>-events.ts; this file assembles them.
import type { z } from "zod";
import { EVENT_ENVELOPE, ORDER_ENVELOPE, type EventDefinition } from "./event-definition.ts";
import { ORDER_EVENTS } from "./events/order-events.ts";
import { CANCELLATION_EVENTS } from "./events/cancellation-events.ts";
import { COMPENSATION_EVENTS } from "./events/compensation-events.ts";
import { APPROVAL_EVENTS } from "./events/approval-events.ts";
import { FALLOUT_EVENTS } from "./events/fallout-events.ts";
import { INVENTORY_EVENTS } from "./events/inventory-events.ts";
import { POINTS_EVENTS } from "./events/points-events.ts";
import { AMENDMENT_EVENTS } from "./events/amendment-events.ts";
import { RETURN_EVENTS } from "./events/return-events.ts";
import { SHIPMENT_EVENTS } from "./events/shipment-events.ts";

export { EVENT_AGGREGATES, EVENT_ENVELOPE, ORDER_ENVELOPE, type EventAggregate, type EventDefinition } from "./event-definition.ts";

export const EVENT_DEFINITIONS = [
  ...ORDER_EVENTS,
  ...CANCELLATION_EVENTS,
  ...COMPENSATION_EVENTS,
  ...APPROVAL_EVENTS,
  ...FALLOUT_EVENTS,
  ...INVENTORY_EVENTS,
  ...POINTS_EVENTS,
  ...AMENDMENT_EVENTS,
  ...RETURN_EVENTS,
  ...SHIPMENT_EVENTS,
] as const;

type Definitions = (typeof EVENT_DEFINITIONS)[number];
/** Every catalogued event type. */
export type EventType = Definitions["type"];
export type EventDefinitionOf<K extends EventType> = Extract<Definitions, { type: K }>;
/** What a command passes as an event's payload (the writers add the envelope fields it leaves out). */
export type EventPayloadInput<K extends EventType> = z.input<EventDefinitionOf<K>["payload"]> & Partial<z.input<z.ZodObject<typeof ORDER_ENVELOPE>>>;

/** The catalog by type. Built once; two definitions of one type are a programming error. */
export const EVENT_CATALOG: Readonly<Record<EventType, Definitions>> = Object.freeze(
  EVENT_DEFINITIONS.reduce(
    (catalog, def) => {
      if (catalog[def.type]) throw new Error(`Event type ${def.type} is defined twice in the catalog`);
      catalog[def.type] = def;
      return catalog;
    },
    {} as Record<EventType, Definitions>,
  ),
);

export function eventDefinition(type: string): EventDefinition | undefined {
  return Object.hasOwn(EVENT_CATALOG, type) ? EVENT_CATALOG[type as EventType] : undefined;
}

const storedSchemas = new Map<EventDefinition, z.ZodObject>();

/**
 * The schema of a payload as stored in the outbox: the event's fields plus the envelope, nothing
 * else. Built once per event type: every command validates its events with it, and a fresh zod
 * schema would be compiled again on each write.
 */
export function storedPayloadSchema(def: EventDefinition): z.ZodObject {
  let schema = storedSchemas.get(def);
  if (!schema) {
    schema = def.payload.extend({ ...(def.aggregate === "Order" ? ORDER_ENVELOPE : {}), ...EVENT_ENVELOPE }).strict();
    storedSchemas.set(def, schema);
  }
  return schema;
}

/** The example payload as stored (and delivered as `data`): envelope values filled in. */
export function storedExample(def: EventDefinition): Record<string, unknown> {
  const order = def.aggregate === "Order" ? { orderId: "cm9order01", orderVersion: 7 } : {};
  return { ...order, ...(def.example as Record<string, unknown>), actorId: "cm9user01", eventVersion: def.version };
}
