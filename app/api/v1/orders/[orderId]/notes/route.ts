import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { addOrderNote } from "@/lib/server/orders/add-order-note";

export const POST = apiHandler(API_ROUTES.addOrderNote, ({ actor, params, body, expectedVersion }) =>
  addOrderNote(db(), actor, params.orderId, body, { expectedVersion }));
