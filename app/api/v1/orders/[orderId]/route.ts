import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { getOrder } from "@/lib/server/orders/queries";

export const GET = apiHandler(API_ROUTES.getOrder, ({ actor, params }) => getOrder(db(), actor, params.orderId));
