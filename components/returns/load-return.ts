import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { db } from "@/lib/platform/db/client";
import { isDomainError } from "@/lib/platform/errors";
import { getReturn } from "@/lib/modules/returns/server/queries";
import { requestActor } from "@/components/orders/load-order";

/** One return the actor can see, of this order; anything else is the 404 page. */
export const loadReturn = cache(async (orderId: string, returnId: string) => {
  try {
    const r = await getReturn(db(), await requestActor(), returnId);
    if (r.originalOrderId !== orderId) notFound();
    return r;
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});
