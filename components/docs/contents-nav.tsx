import { eventAnchor, type EventView } from "@/lib/ui/event-catalog-view";
import { slug, type OperationView } from "@/lib/ui/openapi-view";
import { CONVENTIONS } from "./conventions";

/** The API reference's table of contents: conventions, operations by tag, events, error codes. */
export function ContentsNav({ groups, events }: { groups: [string, OperationView[]][]; events: EventView[] }) {
  return (
    <nav aria-label="On this page" className="mb-8 lg:sticky lg:top-6 lg:mb-0 lg:self-start">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">On this page</p>
      <ul className="mt-2 space-y-1 text-sm">
        <li>
          <a href="#conventions" className="text-slate-700 hover:text-indigo-700">
            Conventions
          </a>
          <ul className="mt-1 space-y-1 border-l border-slate-200 pl-3">
            {CONVENTIONS.map((c) => (
              <li key={c.id}>
                <a href={`#${c.id}`} className="text-slate-600 hover:text-indigo-700">
                  {c.title}
                </a>
              </li>
            ))}
          </ul>
        </li>
        {groups.map(([tag, ops]) => (
          <li key={tag}>
            <a href={`#tag-${slug(tag)}`} className="text-slate-700 hover:text-indigo-700">
              {tag}
            </a>
            <ul className="mt-1 space-y-1 border-l border-slate-200 pl-3">
              {ops.map((op) => (
                <li key={op.operationId}>
                  <a href={`#op-${op.operationId}`} className="block truncate text-slate-600 hover:text-indigo-700">
                    <span className="font-mono text-xs text-slate-500">{op.method}</span> {op.path}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
        <li>
          <a href="#events" className="text-slate-700 hover:text-indigo-700">
            Events
          </a>
          <ul className="mt-1 space-y-1 border-l border-slate-200 pl-3">
            {events.map((e) => (
              <li key={e.type}>
                <a href={`#${eventAnchor(e.type)}`} className="block truncate font-mono text-xs text-slate-600 hover:text-indigo-700">
                  {e.type}
                </a>
              </li>
            ))}
          </ul>
        </li>
        <li>
          <a href="#error-codes" className="text-slate-700 hover:text-indigo-700">
            Error codes
          </a>
        </li>
      </ul>
    </nav>
  );
}
