import { approversPhrase, levelLabel } from "@/lib/ui/approver-words";
import { formatMoney } from "@/lib/platform/money/money";
import { humanizeEnum } from "@/lib/ui/format";
import { blockerPhrase, type AssessmentDisplay } from "@/lib/ui/assessment-display";
import { needReturnPhrase, stagePhrase, taskTypeLabel } from "@/lib/ui/cancellation";
import { Alert } from "@/components/ui/alert";
import { DescriptionList } from "@/components/ui/description-list";
import { ApprovalStatusBadge } from "./request-status-badge";

export type Audience = "buyer" | "staff";
export type HeadingLevel = 2 | 3;


export function PartHeading({ level, children }: { level: HeadingLevel; children: React.ReactNode }) {
  const H = `h${level}` as "h2" | "h3";
  return <H className="text-sm font-semibold text-slate-900">{children}</H>;
}

/** Units per line, the stages they come from and each line's refund components. */
export function AssessmentUnitsTable({ lines, currency, itemNames }: { lines: AssessmentDisplay["lines"]; currency: string; itemNames: Record<string, string> }) {
  const money = (n: number) => formatMoney(n, currency);
  return (
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
          {lines.map((l) => (
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
  );
}

/** The refund's components and total, and how it splits over the tenders. */
export function RefundBreakdown({ refund, currency, audience, headingLevel }: { refund: AssessmentDisplay["refund"]; currency: string; audience: Audience; headingLevel: HeadingLevel }) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <div>
        <PartHeading level={headingLevel}>Refund</PartHeading>
        <DescriptionList
          className="mt-1"
          items={[
            { label: "Items", value: money(refund.merchandise) },
            { label: "Tax", value: money(refund.tax) },
            { label: "Shipping", value: money(refund.shipping) },
            ...(refund.discount > 0 ? [{ label: "Discount", value: `−${money(refund.discount)}` }] : []),
            { label: "Refund total", value: <span data-testid="refund-total">{money(refund.total)}</span>, strong: true },
          ]}
        />
      </div>
      <div>
        <PartHeading level={headingLevel}>{audience === "buyer" ? "Paid back to" : "Refund by tender"}</PartHeading>
        {refund.byTender.length ? (
          <DescriptionList
            className="mt-1"
            items={[
              ...refund.byTender.map((t) => ({
                label: (
                  <>
                    {humanizeEnum(t.method)}
                    {t.status && <span className="ml-1 text-xs text-slate-500">({humanizeEnum(t.status)})</span>}
                  </>
                ),
                value: money(t.amount),
              })),
              { label: "Total", value: money(refund.byTender.reduce((n, t) => n + t.amount, 0)), strong: true },
            ]}
          />
        ) : (
          <p className="mt-1 text-sm text-slate-600">Nothing to refund.</p>
        )}
      </div>
    </div>
  );
}

/** Units that need a return instead of a cancellation. */
export function BlockersAlert({ blockers, audience }: { blockers: AssessmentDisplay["blockers"]; audience: Audience }) {
  if (blockers.length === 0) return null;
  return (
    <Alert tone="warning" title={audience === "buyer" ? "Already on the way" : "Needs a return"}>
      <ul className="list-disc pl-5">
        {blockers.map((b, i) => (
          <li key={`${b.orderLineId}-${b.stage}-${i}`}>{blockerPhrase(b)}</li>
        ))}
      </ul>
      {audience === "buyer" && <p className="mt-1">Those units cannot be cancelled; send them back once they arrive to get a refund.</p>}
    </Alert>
  );
}

/** Who must approve: one sentence for the buyer, each level with its status and reviewer for staff. */
export function ApprovalsPart({ approvals, audience, headingLevel }: { approvals: AssessmentDisplay["approvals"]; audience: Audience; headingLevel: HeadingLevel }) {
  if (approvals.length === 0) return null;
  if (audience === "buyer") {
    return (
      <Alert tone="info" title="Needs approval">
        {approversPhrase(approvals.map((r) => r.level))} must approve this cancellation before anything is cancelled or refunded.
      </Alert>
    );
  }
  return (
    <div>
      <PartHeading level={headingLevel}>Approvals</PartHeading>
      <ul className="mt-1 space-y-1.5 text-sm">
        {approvals.map((r, i) => (
          <li key={`${r.level}-${i}`} className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium">{levelLabel(r.level)}</span>
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
  );
}

/** The compensation steps besides the refund (restock, seller confirmations), for staff. */
export function FollowUpSteps({ compensation, headingLevel }: { compensation: AssessmentDisplay["compensation"]; headingLevel: HeadingLevel }) {
  const followUps = compensation.filter((c) => c.type !== "ISSUE_REFUND");
  if (followUps.length === 0) return null;
  return (
    <div>
      <PartHeading level={headingLevel}>Follow-up steps</PartHeading>
      <ul className="mt-1 space-y-1 text-sm text-slate-700">
        {followUps.map((c, i) => (
          <li key={`${c.type}-${c.orderLineId}-${c.stage}-${i}`}>
            {taskTypeLabel(c.type)}: {c.quantity} {c.stage ? c.stage.toLowerCase() : ""} {c.sku && <span className="font-mono text-xs">{c.sku}</span>}{" "}
            <span className="text-xs text-slate-500">({c.mode === "MANUAL" ? "confirmed by the seller" : "automatic"})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
