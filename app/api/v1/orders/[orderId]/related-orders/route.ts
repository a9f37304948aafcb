import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { relatedOrders } from "@/lib/modules/orders/server/relations";

export const GET = apiHandler(API_ROUTES.relatedOrders, ({ actor, params }) => relatedOrders(db(), actor, params.orderId));
