import type { Metadata } from "next";
import Link from "next/link";
import { loadReturn } from "@/components/returns/load-returns";
import { loadOrder } from "@/components/orders/load-order";
import { ReturnStatusBadge, ReturnSummary } from "@/components/returns/return-summary";
import { ReceiveLineForm } from "@/components/returns/receive-line-form";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { stillExpected } from "@/lib/ui/return-form";
import { humanizeEnum } from "@/lib/ui/format";
import { DescriptionList } from "@/components/ui/description-list";
import { CancelReturnForm } from "@/components/returns/cancel-return-form";
import { requestActor } from "@/components/orders/load-order";
import { canCancelReturn } from "@/lib/modules/returns/domain/status";
import { cancelReturnAction, receiveReturnAction } from "./actions";

type Props = { params: Promise<{ returnId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const r = await loadReturn((await params).returnId);
  return { title: `Return ${r.number}` };
}

export default async function SellerReturnPage({ params }: Props) {
  const r = await loadReturn((await params).returnId);
  const [original, actor] = await Promise.all([loadOrder(r.originalOrderId), requestActor()]);
  const itemNames = Object.fromEntries(original.lines.map((l) => [l.id, l.itemName]));
  const receiving = r.status === "AWAITING_RECEIPT";
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/seller/orders/${original.id}`} className="hover:text-indigo-700 hover:underline">
            ← Order {original.number}
          </Link>
        }
        title={`Return ${r.number}`}
        badge={<ReturnStatusBadge status={r.status} />}
        description={`Requested by ${r.requestedBy} · reason: ${humanizeEnum(r.reasonCode)}${r.reasonText ? `: “${r.reasonText}”` : ""}. Receive units as they arrive; the refund for them is paid on receipt.`}
      />
      <Card title="Items" titleId="return-items">
        <div className="-my-3">
          <ReturnSummary
            r={r}
            currency={original.currency}
            itemNames={itemNames}
            actions={canCancelReturn(r) ? <CancelReturnForm returnId={r.id} number={r.number} orderId={original.id} action={cancelReturnAction} /> : undefined}
          >
            {(line) =>
              receiving && stillExpected(line) > 0 ? (
                <ReceiveLineForm returnId={r.id} orderLineId={line.orderLineId} sku={line.sku} expected={stillExpected(line)} action={receiveReturnAction} />
              ) : null
            }
          </ReturnSummary>
        </div>
      </Card>
      <ReturnOrdersCard r={r} originalNumber={original.number} opensReturnOrder={actor.roles.has("OPS")} />
    </>
  );
}

/** The original order, and the RETURN order the return is (a store has no part of it: only OPS opens it). */
function ReturnOrdersCard({ r, originalNumber, opensReturnOrder }: { r: { orderId: string; orderNumber: string; originalOrderId: string }; originalNumber: string; opensReturnOrder: boolean }) {
  const link = (id: string, number: string) => (
    <Link href={`/seller/orders/${id}`} className="font-medium text-indigo-700 hover:underline">
      {number}
    </Link>
  );
  return (
    <Card title="Orders" titleId="return-orders" className="mt-6">
      <DescriptionList
        items={[
          { label: "Original order", value: link(r.originalOrderId, originalNumber) },
          { label: "Return order", value: opensReturnOrder ? link(r.orderId, r.orderNumber) : r.orderNumber },
        ]}
      />
    </Card>
  );
}
