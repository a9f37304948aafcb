import { eventAnchor, type EventView } from "@/lib/ui/event-catalog-view";
import { FieldTable } from "./field-table";
import { InlineCode } from "./inline-code";

export function EventCard({ event }: { event: EventView }) {
  const id = eventAnchor(event.type);
  return (
    <article id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-200 px-4 py-3">
        <h3 id={`${id}-title`} className="flex flex-wrap items-center gap-2">
          <code className="font-mono text-sm font-semibold text-slate-900">{event.type}</code>
          <span className="rounded bg-indigo-50 px-2 py-0.5 text-xs font-semibold text-indigo-800 ring-1 ring-inset ring-indigo-200">version {event.version}</span>
          <span className="text-xs text-slate-500">aggregate {event.aggregate}</span>
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          <InlineCode text={event.description} />
        </p>
      </header>
      <div className="space-y-4 px-4 py-3 text-sm">
        <section>
          <h4 className="mb-1 font-semibold text-slate-900">Payload</h4>
          <FieldTable rows={event.fields} caption={`Payload fields of ${event.type}`} />
        </section>
        <section>
          <h4 className="mb-1 font-semibold text-slate-900">Example webhook delivery</h4>
          <p className="mb-1 text-xs text-slate-600">The payload is the body&apos;s <code>data</code>.</p>
          <pre aria-label={`Example payload of ${event.type}`} className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
            {event.delivery}
          </pre>
        </section>
      </div>
    </article>
  );
}
