import type { Metadata } from "next";
import Link from "next/link";
import { availableSteps } from "@/lib/ui/fulfilment";
import { lineCancellability, stagePhrase, units, unitsByStage } from "@/lib/ui/cancellation";
import { loadCancellations, loadOrder, loadReasonCodes } from "@/components/orders/load-order";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { SellerLineList } from "@/components/orders/seller-line-list";
import { FulfilLineForm } from "@/components/orders/fulfil-line-form";
import { FulfilLinesForm } from "@/components/orders/fulfil-lines-form";
import { CancelUnitsForm } from "@/components/cancellations/cancel-units-form";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { cancelLineUnitsAction, previewLineCancellationAction, recordFulfilmentAction, recordFulfilmentLinesAction } from "../actions";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Fulfil order ${order.number}` };
}

type Order = Awaited<ReturnType<typeof loadOrder>>;
type Request = Awaited<ReturnType<typeof loadCancellations>>["items"][number];

/** Why units of a line cannot move: held by a request waiting for approval. */
function heldNotes(waiting: Request[], lineId: string): string[] {
  return waiting.flatMap((r) => {
    const l = r.lines.find((x) => x.orderLineId === lineId);
    const what = l ? stagePhrase(l.byStage) : "";
    const n = l ? Object.values(l.byStage).reduce((a, b) => a + b, 0) : 0;
    return what ? [`${units(n)} (${what}) held by ${r.number} (waiting for approval): ${n === 1 ? "it cannot" : "they cannot"} move on until the request is decided.`] : [];
  });
}

/** A line's held notes, its fulfilment step form and its cancel form. */
function LineWork({ order, line, reasons, notes }: { order: Order; line: Order["lines"][number]; reasons: Awaited<ReturnType<typeof loadReasonCodes>>; notes: string[] }) {
  return (
  <div className="divide-y divide-slate-200">
    {notes.map((note) => (
      <p key={note} className="pb-3 text-sm text-amber-800">
        {note}
      </p>
    ))}
    <div className="py-3 first:pt-0">
      <FulfilLineForm
        orderId={order.id}
        version={order.version}
        line={{ id: line.id, sku: line.sku }}
        steps={availableSteps(line.quantities)}
        action={recordFulfilmentAction}
      />
    </div>
    <div className="pt-3">
      <CancelUnitsForm
        orderId={order.id}
        version={order.version}
        currency={order.currency}
        line={{ id: line.id, sku: line.sku, outstanding: lineCancellability(line.quantities).outstanding, byStage: unitsByStage(line.quantities) }}
        reasons={reasons}
        previewAction={previewLineCancellationAction}
        confirmAction={cancelLineUnitsAction}
      />
    </div>
  </div>
  );
}

export default async function FulfilOrderPage({ params }: Props) {
  const { orderId } = await params;
  const [order, reasons, { items: requests }] = await Promise.all([loadOrder(orderId), loadReasonCodes(), loadCancellations(orderId)]);
  // Units of a request waiting for approval stay where they are but cannot be fulfilled meanwhile.
  const waiting = requests.filter((r) => r.status === "PENDING_APPROVAL");

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
        description="Units move open → allocated → released → picked → packed → shipped → delivered. Move several lines on to any later stage in one step (every stage in between is recorded), or one line a stage at a time below. Units that have not shipped can be cancelled."
        actions={
          <Link href={`/seller/orders/${order.id}`} className={buttonClass("secondary")}>
            Done
          </Link>
        }
      />
      <div className="space-y-6">
      <Card title="Move several lines" titleId="fulfil-several">
        <FulfilLinesForm
          orderId={order.id}
          version={order.version}
          lines={order.lines.map((l) => ({ id: l.id, lineNumber: l.lineNumber, sku: l.sku, quantities: l.quantities }))}
          action={recordFulfilmentLinesAction}
        />
      </Card>
      <Card title="Lines" titleId="fulfil-lines">
        <SellerLineList order={order}>
          {(line) => <LineWork order={order} line={line} reasons={reasons} notes={heldNotes(waiting, line.id)} />}
        </SellerLineList>
      </Card>
      </div>
      <p className="mt-3 text-xs text-slate-500">
        This page shows order version {order.version}. If someone else changes the order meanwhile, your next step is refused and you are asked to reload.
      </p>
    </>
  );
}
