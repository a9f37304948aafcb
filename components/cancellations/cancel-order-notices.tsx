import Link from "next/link";
import type { CancellationViewT } from "@/lib/modules/cancellations/contracts/cancellations";
import { EmptyState } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";

/** The cancel page of an order with nothing left in place to cancel. */
export function NothingToCancel({ orderId }: { orderId: string }) {
  return (
    <EmptyState
      title="Nothing left to cancel"
      action={
        <Link href={`/orders/${orderId}`} className={buttonClass("secondary")}>
          Back to the order
        </Link>
      }
    >
      Everything on this order has shipped, been cancelled or been returned. Shipped items can be returned once they arrive.
    </EmptyState>
  );
}

/** Requests of the order still waiting for approval: their items cannot be part of another request yet. */
export function WaitingForApprovalAlert({ requests }: { requests: readonly Pick<CancellationViewT, "number" | "status">[] }) {
  const waiting = requests.filter((r) => r.status === "PENDING_APPROVAL");
  if (waiting.length === 0) return null;
  return (
    <Alert tone="info" className="mb-6" title={waiting.length === 1 ? `${waiting[0]!.number} is waiting for approval` : "Requests waiting for approval"}>
      Items in a request that waits for approval cannot be part of another one until it is decided
      {waiting.length > 1 ? ` (${waiting.map((r) => r.number).join(", ")})` : ""}.
    </Alert>
  );
}
