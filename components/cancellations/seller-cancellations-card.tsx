import Link from "next/link";
import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { loadCancellations, loadReasonCodes } from "@/components/orders/load-order";
import { CancellationRequestList } from "./cancellation-request-list";

/** The order's cancellation requests as its seller sees them, with their tasks, streamed in. */
export function SellerCancellationsCard({ orderId, currency }: { orderId: string; currency: string }) {
  return (
    <Card
      title="Cancellation requests"
      titleId="cancellations"
      actions={
        <Link href="/seller/tasks" className="text-sm font-medium text-indigo-700 hover:underline">
          Open tasks
        </Link>
      }
    >
      <Suspense fallback={<Skeleton className="h-16 w-full" />}>
        <Cancellations orderId={orderId} currency={currency} />
      </Suspense>
    </Card>
  );
}

// The requests, their lines, refund shares and tasks come already limited to the seller's stores.
async function Cancellations({ orderId, currency }: { orderId: string; currency: string }) {
  const [{ items }, reasons] = await Promise.all([loadCancellations(orderId), loadReasonCodes()]);
  return (
    <CancellationRequestList
      requests={items}
      currency={currency}
      reasonLabels={Object.fromEntries(reasons.map((r) => [r.code, r.label]))}
      showTasks
      showRequester
    />
  );
}
