import { loadAmendments, loadOrder } from "@/components/orders/load-order";
import { formatMoney } from "@/lib/platform/money/money";
import { STATUS_WORDS, levelWords } from "@/lib/ui/amendment-words";
import { amendmentMoney } from "@/lib/ui/amendment-money";
import { Alert } from "@/components/ui/alert";

/** Shown once after the change-order form came back here: where the request just made stands, and its money. */
export async function AmendmentConfirmation({ orderId, number }: { orderId: string; number: string | undefined }) {
  if (!number) return null;
  const [order, { items }] = await Promise.all([loadOrder(orderId), loadAmendments(orderId)]);
  const a = items.find((x) => x.number === number);
  if (!a) return null;
  const { charge, refund: ownRefund, cancelledRefund } = amendmentMoney(a.impact);
  const refund = ownRefund + cancelledRefund;
  const money = (n: number) => formatMoney(n, order.currency);
  const title = `Change ${a.number}: ${STATUS_WORDS[a.status]}`;
  if (a.status === "APPLIED") {
    return (
      <Alert tone="success" role="status" className="mb-6" title={title}>
        {charge > 0 ? `${money(charge)} was charged to how the order was paid. ` : refund > 0 ? `${money(refund)} goes back to how the order was paid. ` : ""}
        The order shows the change.
      </Alert>
    );
  }
  if (a.status === "REQUIRES_APPROVAL") {
    const who = a.assessment.requiredApprovals.map((r) => levelWords(r.level)).join(" and ") || "an approver";
    return (
      <Alert tone="warning" role="status" className="mb-6" title={title}>
        The order changes once {who} approve{a.assessment.requiredApprovals.length > 1 ? "" : "s"}
        {charge > 0 ? `; then ${money(charge)} is charged` : refund > 0 ? `; then ${money(refund)} is refunded` : ""}.
      </Alert>
    );
  }
  const failed = a.status === "FAILED" || a.status === "REJECTED";
  return (
    <Alert tone={failed ? "error" : "info"} role="status" className="mb-6" title={title}>
      {a.failureReason ?? "See the changes to this order below."}
    </Alert>
  );
}
