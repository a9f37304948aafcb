import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { addOrderNote } from "@/lib/modules/orders/server/add-order-note";

export const POST = apiHandler(API_ROUTES.addOrderNote, ({ actor, params, body, expectedVersion }) =>
  addOrderNote(db(), actor, params.orderId, body, { expectedVersion }));
