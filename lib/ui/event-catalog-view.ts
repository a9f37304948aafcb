// The outbox event catalog for the human API reference page: per event its type, version,
// aggregate, description, payload fields (flattened like the operations' bodies) and an example.
import { z } from "zod";
import { EVENT_DEFINITIONS, EVENT_ENVELOPE, ORDER_ENVELOPE, storedExample, type EventDefinition } from "../modules/audit/contracts/events.ts";
import { webhookBody } from "../modules/webhooks/domain/payload.ts";
import { fieldRows, type FieldRow, type JsonSchema } from "./openapi-view.ts";

export interface EventView {
  type: string;
  version: number;
  aggregate: string;
  description: string;
  /** The event's own payload fields (the envelope fields are listed once for all events). */
  fields: FieldRow[];
  /** The example as stored and delivered as `data`, envelope included. */
  example: string;
  /** The example as a webhook delivers it: `{ id, type, occurredAt, orderId, sequence, data }`. */
  delivery: string;
}

function rowsOf(schema: z.ZodType): FieldRow[] {
  return fieldRows({}, z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema);
}

export function eventAnchor(type: string): string {
  return `event-${type}`;
}

export function eventView(def: EventDefinition): EventView {
  return {
    type: def.type,
    version: def.version,
    aggregate: def.aggregate,
    description: def.description,
    fields: rowsOf(def.payload),
    example: JSON.stringify(storedExample(def), null, 2),
    delivery: JSON.stringify(
      webhookBody({ id: "cm9evt01", type: def.type, createdAt: new Date("2026-01-31T12:00:00Z"), orderId: def.aggregate === "Order" ? "cm9order01" : null, sequence: 8, payload: storedExample(def) }),
      null,
      2,
    ),
  };
}

export function eventViews(): EventView[] {
  return EVENT_DEFINITIONS.map(eventView);
}

/** Fields every stored payload carries, and those every `Order` event adds. */
export function envelopeRows(): { all: FieldRow[]; order: FieldRow[] } {
  return { all: rowsOf(z.object(EVENT_ENVELOPE)), order: rowsOf(z.object(ORDER_ENVELOPE)) };
}
