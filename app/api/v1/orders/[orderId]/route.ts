import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { getOrder } from "@/lib/modules/orders/server/queries";

export const GET = apiHandler(API_ROUTES.getOrder, ({ actor, params }) => getOrder(db(), actor, params.orderId));
