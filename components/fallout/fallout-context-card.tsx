import { falloutContextSummary } from "@/lib/ui/fallout-context";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";

/** What the case knew when it opened, as facts; the stored document stays one click away. */
export function FalloutContextCard({ context, currency }: { context: unknown; currency: string }) {
  const summary = falloutContextSummary(context, currency);
  return (
    <Card title="Context when opened" titleId="context">
      {summary ? (
        <div className="space-y-3">
          {summary.openedAt && <p className="text-sm text-slate-600">Opened {summary.openedAt}</p>}
          <DescriptionList items={summary.task} />
          {summary.refunds.length > 0 && (
            <div>
              <h3 className="text-sm font-semibold text-slate-900">Refunds</h3>
              <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
                {summary.refunds.map((r, i) => (
                  <li key={i} className="break-words">
                    {r}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">No task context was stored with this case.</p>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-slate-600">Stored data</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs text-slate-800">{JSON.stringify(context, null, 2)}</pre>
      </details>
    </Card>
  );
}
