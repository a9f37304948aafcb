import "server-only";
import { cache } from "react";
import { db } from "@/lib/platform/db/client";
import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { getMyPoints, pointsRefundsForTenders } from "@/lib/modules/points/server/queries";
import { requestActor } from "@/components/orders/load-order";

/** Points given back for an order's POINTS tenders; the order was already read within reach. */
export const loadOrderPointsRefunds = cache(async (order: Pick<OrderViewT, "payments">) => {
  const tenderIds = order.payments.filter((p) => p.method === "POINTS").map((p) => p.id);
  return pointsRefundsForTenders(db(), tenderIds);
});

/** The signed-in person's own points account summary (null without an account). */
export const loadMyPoints = cache(async () => getMyPoints(db(), await requestActor()));
