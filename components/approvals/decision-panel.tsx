// Whether this approver may decide the request, and why not (decided, their own request, a level
// above theirs), by the signing rule the decision command applies (approvals/domain/signing.ts).
import type { ReactNode } from "react";
import type { Actor } from "@/lib/platform/auth/actor";
import type { ApproverLevel } from "@/lib/platform/auth/permissions";
import type { CancellationViewT } from "@/lib/modules/cancellations/contracts/cancellations";
import { canSign } from "@/lib/modules/approvals/domain/signing";
import { isRequestedBy, pendingLevels } from "@/lib/ui/cancellation";
import { Alert } from "@/components/ui/alert";

export function DecisionPanel({
  request,
  actor,
  refund,
  decisionForms,
}: {
  request: CancellationViewT;
  actor: Pick<Actor, "approverLevel" | "email">;
  refund: string;
  decisionForms: ReactNode;
}) {
  const waiting = pendingLevels(request);
  const mine = waiting.filter((l) => canSign(actor.approverLevel, l as ApproverLevel));
  const own = isRequestedBy(request.requestedBy, actor.email);
  if (request.status !== "PENDING_APPROVAL") return <p className="text-sm text-slate-700">This request is no longer waiting for approval.</p>;
  if (own) return <Alert tone="warning">You made this request, so someone else has to decide it.</Alert>;
  if (mine.length === 0) {
    return (
      <Alert tone="warning">
        This request waits for {waiting.join(" + ")} approval; your level is {actor.approverLevel ?? "none"}.
      </Alert>
    );
  }
  const after = waiting.filter((l) => !mine.includes(l));
  return (
    <>
      <p className="mb-4 text-sm text-slate-700">
        You sign the {mine.join(" + ")} approval
        {after.length ? `; ${after.join(" + ")} approval is still needed after yours` : ""}. Approving cancels the units and refunds {refund} at once.
      </p>
      {decisionForms}
    </>
  );
}
