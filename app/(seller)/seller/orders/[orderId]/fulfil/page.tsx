import type { Metadata } from "next";
import Link from "next/link";
import { availableSteps } from "@/lib/ui/fulfilment";
import { loadOrder } from "@/components/orders/load-order";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { SellerLineList } from "@/components/orders/seller-line-list";
import { FulfilLineForm } from "@/components/orders/fulfil-line-form";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { recordFulfilmentAction } from "../actions";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Fulfil order ${order.number}` };
}

export default async function FulfilOrderPage({ params }: Props) {
  const { orderId } = await params;
  const order = await loadOrder(orderId);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/seller/orders/${order.id}`} className="hover:text-indigo-700 hover:underline">
            ← Order {order.number}
          </Link>
        }
        title={`Fulfil order ${order.number}`}
        badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
        description="Move units one stage at a time: open → allocated → released → picked → packed → shipped → delivered. Part of a line can move while the rest waits."
        actions={
          <Link href={`/seller/orders/${order.id}`} className={buttonClass("secondary")}>
            Done
          </Link>
        }
      />
      <Card title="Lines" titleId="fulfil-lines">
        <SellerLineList order={order}>
          {(line) => (
            <FulfilLineForm
              orderId={order.id}
              version={order.version}
              line={{ id: line.id, sku: line.sku }}
              steps={availableSteps(line.quantities)}
              action={recordFulfilmentAction}
            />
          )}
        </SellerLineList>
      </Card>
      <p className="mt-3 text-xs text-slate-500">
        This page shows order version {order.version}. If someone else changes the order meanwhile, your next step is refused and you are asked to reload.
      </p>
    </>
  );
}
