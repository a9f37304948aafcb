import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { intakeOrder } from "@/lib/modules/orders/server/intake-order";
import { listOrders } from "@/lib/modules/orders/server/queries";

export const GET = apiHandler(API_ROUTES.listOrders, ({ actor, query }) => listOrders(db(), actor, query));
export const POST = apiHandler(API_ROUTES.intakeOrder, ({ actor, body }) => intakeOrder(db(), actor, body));
