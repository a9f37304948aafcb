// Whether this approver may decide the request, and why not (decided, their own request, a level
// above theirs), by the signing rule the decision command applies (approvals/domain/signing.ts).
import type { ReactNode } from "react";
import type { Actor } from "@/lib/platform/auth/actor";
import type { ApproverLevel } from "@/lib/platform/auth/permissions";
import { canSign } from "@/lib/modules/approvals/domain/signing";
import { isRequestedBy } from "@/lib/ui/cancellation";
import { Alert } from "@/components/ui/alert";

/** What the panel needs of any subject: whether it still waits, its tasks, who asked, and what approving does. */
export interface DecisionSubject {
  pending: boolean;
  approvals: readonly { level: string; status: string }[];
  requestedBy: string;
  /** e.g. "Approving cancels the units and refunds $12.00 at once." */
  effect: string;
}

export function DecisionPanel({ subject, actor, decisionForms }: { subject: DecisionSubject; actor: Pick<Actor, "approverLevel" | "email">; decisionForms: ReactNode }) {
  const waiting = subject.pending ? subject.approvals.filter((a) => a.status === "PENDING").map((a) => a.level) : [];
  const mine = waiting.filter((l) => canSign(actor.approverLevel, l as ApproverLevel));
  const own = isRequestedBy(subject.requestedBy, actor.email);
  if (!subject.pending) return <p className="text-sm text-slate-700">This request is no longer waiting for approval.</p>;
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
        {after.length ? `; ${after.join(" + ")} approval is still needed after yours` : ""}. {subject.effect}
      </p>
      {decisionForms}
    </>
  );
}
