import { formatMoney } from "@/lib/platform/money/money";
import { humanizeEnum } from "@/lib/ui/format";
import { blockerPhrase, type AssessmentDisplay } from "@/lib/ui/assessment-display";
import { needReturnPhrase, stagePhrase, taskTypeLabel } from "@/lib/ui/cancellation";
import { Alert } from "@/components/ui/alert";
import { DescriptionList } from "@/components/ui/description-list";
import { ApprovalStatusBadge } from "./request-status-badge";

const LEVEL_WORDS: Record<string, string> = { SUPERVISOR: "a supervisor", MANAGER: "a manager", DIRECTOR: "a director", VP: "a vice president" };

function approversPhrase(levels: string[]): string {
  const text = levels.map((l) => LEVEL_WORDS[l] ?? l.toLowerCase()).join(" and ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What a cancellation does: units per line and the stages they come from, refund components,
 * refund per tender, what needs a return instead, who must approve and (for staff) the follow-up
 * steps. The same view serves the buyer's preview, the approver's request page and the seller.
 */
export function AssessmentSummary({
  assessment: a,
  currency,
  audience,
  itemNames = {},
  headingLevel = 3,
}: {
  assessment: AssessmentDisplay;
  currency: string;
  audience: "buyer" | "staff";
  /** orderLineId → item name, when the page knows them. */
  itemNames?: Record<string, string>;
  headingLevel?: 2 | 3;
}) {
  const money = (n: number) => formatMoney(n, currency);
  const H = `h${headingLevel}` as "h2" | "h3";
  const hClass = "text-sm font-semibold text-slate-900";
  const inPlace = a.lines.reduce((n, l) => n + l.cancelQuantity, 0);
  const followUps = a.compensation.filter((c) => c.type !== "ISSUE_REFUND");

  return (
    <div className="space-y-5">
      {a.feasibility === "NOT_CANCELLABLE" || inPlace === 0 ? (
        <Alert tone="error" title="Nothing can be cancelled">
          None of the selected units can be cancelled now.
        </Alert>
      ) : a.feasibility === "PARTIALLY_CANCELLABLE" ? (
        <Alert tone="warning" title="Only part can be cancelled">
          {inPlace} {inPlace === 1 ? "unit" : "units"} can be cancelled now; the rest already left the warehouse.
        </Alert>
      ) : null}

      <div>
        <H className={hClass}>{audience === "buyer" ? "What will be cancelled" : "Units"}</H>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-3">Item</th>
                <th scope="col" className="py-2 pr-3 text-right">Units</th>
                <th scope="col" className="py-2 pr-3">From</th>
                <th scope="col" className="hidden py-2 pr-3 text-right sm:table-cell">Items</th>
                <th scope="col" className="hidden py-2 pr-3 text-right sm:table-cell">Tax</th>
                <th scope="col" className="hidden py-2 pr-3 text-right sm:table-cell">Shipping</th>
                <th scope="col" className="hidden py-2 pr-3 text-right sm:table-cell">Discount</th>
                <th scope="col" className="py-2 text-right">Refund</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {a.lines.map((l) => (
                <tr key={l.orderLineId}>
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    {itemNames[l.orderLineId] && <span className="block text-slate-900">{itemNames[l.orderLineId]}</span>}
                    <span className="font-mono text-xs text-slate-600">{l.sku}</span>
                  </th>
                  <td className="py-2 pr-3 text-right tabular-nums">
                    {l.cancelQuantity}
                    {l.blocked > 0 && <span className="block text-xs text-amber-700">+{needReturnPhrase(l.blocked)}</span>}
                  </td>
                  <td className="py-2 pr-3 text-slate-700">{stagePhrase(l.byStage) || "—"}</td>
                  <td className="hidden py-2 pr-3 text-right tabular-nums sm:table-cell">{money(l.refund.merchandise)}</td>
                  <td className="hidden py-2 pr-3 text-right tabular-nums sm:table-cell">{money(l.refund.tax)}</td>
                  <td className="hidden py-2 pr-3 text-right tabular-nums sm:table-cell">{money(l.refund.shipping)}</td>
                  <td className="hidden py-2 pr-3 text-right tabular-nums sm:table-cell">{l.refund.discount > 0 ? `−${money(l.refund.discount)}` : money(0)}</td>
                  <td className="py-2 text-right font-medium tabular-nums">{money(l.refund.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <H className={hClass}>Refund</H>
          <DescriptionList
            className="mt-1"
            items={[
              { label: "Items", value: money(a.refund.merchandise) },
              { label: "Tax", value: money(a.refund.tax) },
              { label: "Shipping", value: money(a.refund.shipping) },
              ...(a.refund.discount > 0 ? [{ label: "Discount", value: `−${money(a.refund.discount)}` }] : []),
              { label: "Refund total", value: <span data-testid="refund-total">{money(a.refund.total)}</span>, strong: true },
            ]}
          />
        </div>
        <div>
          <H className={hClass}>{audience === "buyer" ? "Paid back to" : "Refund by tender"}</H>
          {a.refund.byTender.length ? (
            <DescriptionList
              className="mt-1"
              items={[
                ...a.refund.byTender.map((t) => ({
                  label: (
                    <>
                      {humanizeEnum(t.method)}
                      {t.status && <span className="ml-1 text-xs text-slate-500">({humanizeEnum(t.status)})</span>}
                    </>
                  ),
                  value: money(t.amount),
                })),
                { label: "Total", value: money(a.refund.byTender.reduce((n, t) => n + t.amount, 0)), strong: true },
              ]}
            />
          ) : (
            <p className="mt-1 text-sm text-slate-600">Nothing to refund.</p>
          )}
        </div>
      </div>

      {a.blockers.length > 0 && (
        <Alert tone="warning" title={audience === "buyer" ? "Already on the way" : "Needs a return"}>
          <ul className="list-disc pl-5">
            {a.blockers.map((b, i) => (
              <li key={`${b.orderLineId}-${b.stage}-${i}`}>{blockerPhrase(b)}</li>
            ))}
          </ul>
          {audience === "buyer" && <p className="mt-1">Those units cannot be cancelled; send them back once they arrive to get a refund.</p>}
        </Alert>
      )}

      {a.approvals.length > 0 &&
        (audience === "buyer" ? (
          <Alert tone="info" title="Needs approval">
            {approversPhrase(a.approvals.map((r) => r.level))} must approve this cancellation before anything is cancelled or refunded.
          </Alert>
        ) : (
          <div>
            <H className={hClass}>Approvals</H>
            <ul className="mt-1 space-y-1.5 text-sm">
              {a.approvals.map((r, i) => (
                <li key={`${r.level}-${i}`} className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium">{r.level}</span>
                  {r.status && <ApprovalStatusBadge status={r.status} />}
                  <span className="text-slate-600">{r.reason}</span>
                  {r.reviewer && (
                    <span className="text-xs text-slate-500">
                      by {r.reviewer}
                      {r.comment && <>: “{r.comment}”</>}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}

      {audience === "staff" && followUps.length > 0 && (
        <div>
          <H className={hClass}>Follow-up steps</H>
          <ul className="mt-1 space-y-1 text-sm text-slate-700">
            {followUps.map((c, i) => (
              <li key={`${c.type}-${c.orderLineId}-${c.stage}-${i}`}>
                {taskTypeLabel(c.type)}: {c.quantity} {c.stage ? c.stage.toLowerCase() : ""} {c.sku && <span className="font-mono text-xs">{c.sku}</span>}{" "}
                <span className="text-xs text-slate-500">({c.mode === "MANUAL" ? "confirmed by the seller" : "automatic"})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
