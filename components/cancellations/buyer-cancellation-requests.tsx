import type { ActionState } from "@/lib/platform/actions/action-result";
import type { CancellationViewT } from "@/lib/modules/cancellations/contracts/cancellations";
import { isRequestedBy } from "@/lib/ui/cancellation";
import { Card } from "@/components/ui/card";
import { CancellationRequestList } from "./cancellation-request-list";
import { WithdrawRequestForm } from "./withdraw-request-form";

type WithdrawAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** The buyer's cancellation requests of the order; a request of theirs still waiting for approval can be withdrawn. */
export function BuyerCancellationRequests({
  orderId,
  currency,
  requests,
  reasons,
  buyerEmail,
  withdrawAction,
}: {
  orderId: string;
  currency: string;
  requests: CancellationViewT[];
  reasons: { code: string; label: string }[];
  buyerEmail: string;
  withdrawAction: WithdrawAction;
}) {
  if (requests.length === 0) return null;
  return (
    <Card title="Cancellation requests" titleId="cancellations">
      <CancellationRequestList
        requests={requests}
        currency={currency}
        reasonLabels={Object.fromEntries(reasons.map((r) => [r.code, r.label]))}
        actions={(r) =>
          r.status === "PENDING_APPROVAL" && isRequestedBy(r.requestedBy, buyerEmail) ? (
            <WithdrawRequestForm orderId={orderId} requestId={r.id} number={r.number} action={withdrawAction} />
          ) : null
        }
      />
    </Card>
  );
}
