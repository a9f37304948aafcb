import Link from "next/link";
import { loadRelatedOrders } from "@/components/returns/load-returns";
import { Alert } from "@/components/ui/alert";

/** Shown once after the add-on form came back here: the new order, linked, among this order's related orders. */
export async function AddOnConfirmation({ orderId, number, orderHref }: { orderId: string; number: string | undefined; orderHref: (id: string) => string }) {
  if (!number) return null;
  const { items } = await loadRelatedOrders(orderId);
  const added = items.find((o) => o.number === number && o.orderType === "SUPPLEMENTAL");
  if (!added) return null;
  return (
    <Alert tone="success" role="status" className="mb-6" title={`Add-on order ${added.number} placed`}>
      It is an order of its own, paid and on its way like any other:{" "}
      <Link href={orderHref(added.orderId)} className="font-medium underline">
        open order {added.number}
      </Link>
      .
    </Alert>
  );
}
