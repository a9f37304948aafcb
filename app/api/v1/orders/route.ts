import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { intakeOrder } from "@/lib/server/orders/intake-order";
import { listOrders } from "@/lib/server/orders/queries";

export const GET = apiHandler(API_ROUTES.listOrders, ({ actor, query }) => listOrders(db(), actor, query));
export const POST = apiHandler(API_ROUTES.intakeOrder, ({ actor, body }) => intakeOrder(db(), actor, body));
