import type { AssessmentDisplay } from "@/lib/ui/assessment-display";
import { Alert } from "@/components/ui/alert";
import { ApprovalsPart, AssessmentUnitsTable, BlockersAlert, FollowUpSteps, PartHeading, RefundBreakdown, type Audience, type HeadingLevel } from "./assessment-parts";

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
  audience: Audience;
  /** orderLineId → item name, when the page knows them. */
  itemNames?: Record<string, string>;
  headingLevel?: HeadingLevel;
}) {
  return (
    <div className="space-y-5">
      <FeasibilityAlert assessment={a} />
      <div>
        <PartHeading level={headingLevel}>{audience === "buyer" ? "What will be cancelled" : "Units"}</PartHeading>
        <AssessmentUnitsTable lines={a.lines} currency={currency} itemNames={itemNames} />
      </div>
      <RefundBreakdown refund={a.refund} currency={currency} audience={audience} headingLevel={headingLevel} />
      <BlockersAlert blockers={a.blockers} audience={audience} />
      <ApprovalsPart approvals={a.approvals} audience={audience} headingLevel={headingLevel} />
      {audience === "staff" && <FollowUpSteps compensation={a.compensation} headingLevel={headingLevel} />}
    </div>
  );
}

/** Nothing or only part of the selection can be cancelled now. */
function FeasibilityAlert({ assessment: a }: { assessment: AssessmentDisplay }) {
  const inPlace = a.lines.reduce((n, l) => n + l.cancelQuantity, 0);
  if (a.feasibility === "NOT_CANCELLABLE" || inPlace === 0) {
    return (
      <Alert tone="error" title="Nothing can be cancelled">
        None of the selected units can be cancelled now.
      </Alert>
    );
  }
  if (a.feasibility === "PARTIALLY_CANCELLABLE") {
    return (
      <Alert tone="warning" title="Only part can be cancelled">
        {inPlace} {inPlace === 1 ? "unit" : "units"} can be cancelled now; the rest already left the warehouse.
      </Alert>
    );
  }
  return null;
}
