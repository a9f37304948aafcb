import Link from "next/link";
import { loadOrder } from "@/components/orders/load-order";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { returnableOf } from "@/lib/ui/return-form";
import { loadReturnOfOrder, loadReturns } from "./load-returns";
import { ReturnSummary } from "./return-summary";
import { CancelReturnForm } from "./cancel-return-form";
import { canCancelReturn } from "@/lib/modules/returns/domain/status";

/**
 * The returns of an order (or, on a RETURN order, the return it is), each with its lines and refund.
 * `returnItemsHref` offers the return form when some unit is shipped or delivered; `returnHref`
 * links each return to its own page; `cancelAction` offers to cancel one nothing of has arrived yet.
 */
export async function OrderReturns({
  orderId,
  returnItemsHref,
  returnHref,
  justRequested,
  cancelAction,
}: {
  orderId: string;
  returnItemsHref?: string;
  returnHref?: (id: string) => string;
  justRequested?: string;
  cancelAction?: React.ComponentProps<typeof CancelReturnForm>["action"];
}) {
  const order = await loadOrder(orderId);
  const own = order.orderType === "RETURN" ? await loadReturnOfOrder(orderId) : null;
  const items = own ? [own] : (await loadReturns(orderId)).items;
  const canReturn = !own && order.lines.some((l) => returnableOf(l.quantities) > 0);
  if (!items.length && !(canReturn && returnItemsHref)) return null;
  // A RETURN order has no lines of its own: its return names the original order's lines.
  const named = own ? await loadOrder(own.originalOrderId) : order;
  const itemNames = Object.fromEntries(named.lines.map((l) => [l.id, l.itemName]));
  const confirmed = justRequested ? items.find((r) => r.number === justRequested) : undefined;
  return (
    <Card
      title={own ? "This return" : "Returns"}
      titleId="returns"
      actions={
        canReturn && returnItemsHref ? (
          <Link href={returnItemsHref} className={buttonClass("secondary", "sm")}>
            Return items
          </Link>
        ) : undefined
      }
    >
      <div>
        {confirmed && (
          <Alert tone="success" role="status" className="mb-2" title={`Return ${confirmed.number} requested`}>
            Send the items back; the refund is paid as the store receives them.
          </Alert>
        )}
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">No returns yet. Shipped or delivered items can be returned.</p>
        ) : (
          <div className="-my-3 divide-y divide-slate-100">
            {items.map((r) => (
              <ReturnSummary
                key={r.id}
                r={r}
                currency={order.currency}
                itemNames={itemNames}
                href={returnHref?.(r.id)}
                actions={cancelAction && canCancelReturn(r) ? <CancelReturnForm returnId={r.id} number={r.number} orderId={orderId} action={cancelAction} /> : undefined}
              />
            ))}
          </div>
        )}
      </div>
    </Card>
  );
}
