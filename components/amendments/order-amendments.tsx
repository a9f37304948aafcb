import Link from "next/link";
import { loadAmendments } from "@/components/orders/load-order";
import { buttonClass } from "@/components/ui/button";
import { AmendmentRequestsCard } from "./amendment-requests-card";

/** The order's amendments with the way to request one (the page for this role's "change delivery details"). */
export async function OrderAmendments({ orderId, amendHref }: { orderId: string; amendHref: string }) {
  const { items } = await loadAmendments(orderId);
  return (
    <AmendmentRequestsCard
      amendments={items}
      action={
        <Link href={amendHref} className={buttonClass("secondary", "sm")}>
          Change delivery details
        </Link>
      }
    />
  );
}
