import type { FieldRow } from "@/lib/ui/openapi-view";
import type { EventView } from "@/lib/ui/event-catalog-view";
import { Code } from "./code";
import { EventCard } from "./event-card";
import { FieldTable } from "./field-table";

/** The outbox event catalog: how events are delivered, the envelope fields, one card per event type. */
export function EventsSection({ events, envelope }: { events: EventView[]; envelope: { all: FieldRow[]; order: FieldRow[] } }) {
  return (
    <section id="events" aria-labelledby="events-title" className="mt-10 scroll-mt-6">
      <h2 id="events-title" className="mb-2 text-xl font-bold tracking-tight">
        Events
      </h2>
      <div className="mb-4 space-y-2 text-sm text-slate-700">
        <p>
          Every command writes its events to an outbox in the same transaction as the change, one row per event with a per-aggregate{" "}
          <Code>sequence</Code>. These are all the event types; a command cannot write anything else. Webhooks deliver each row as{" "}
          <Code>{"{ id, type, occurredAt, orderId, sequence, data }"}</Code>, where <Code>data</Code> is the payload below (see{" "}
          <a href="#webhooks" className="font-medium text-indigo-700 underline">
            Webhook deliveries
          </a>
          ).
        </p>
        <p>
          A payload&apos;s shape changes only with its <Code>version</Code>, stored in every payload as <Code>eventVersion</Code>. Besides its
          own fields, every payload carries the fields in the first table; events of the <Code>Order</Code> aggregate also carry the second.
        </p>
      </div>
      <div className="mb-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm xl:grid-cols-2">
        <section>
          <h3 className="mb-1 font-semibold text-slate-900">Every event</h3>
          <FieldTable rows={envelope.all} caption="Fields of every event payload" />
        </section>
        <section>
          <h3 className="mb-1 font-semibold text-slate-900">
            <Code>Order</Code> events
          </h3>
          <FieldTable rows={envelope.order} caption="Fields of every Order event payload" />
        </section>
      </div>
      <div className="space-y-4">
        {events.map((e) => (
          <EventCard key={e.type} event={e} />
        ))}
      </div>
    </section>
  );
}
