import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { getOrderHistory } from "@/lib/server/orders/queries";

export const GET = apiHandler(API_ROUTES.getOrderHistory, ({ actor, params, query }) =>
  getOrderHistory(db(), actor, params.orderId, query),
);
