import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { getOrderHistory } from "@/lib/modules/orders/server/queries";

export const GET = apiHandler(API_ROUTES.getOrderHistory, ({ actor, params, query }) =>
  getOrderHistory(db(), actor, params.orderId, query),
);
