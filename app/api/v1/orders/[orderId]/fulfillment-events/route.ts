import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { recordFulfillmentEvent } from "@/lib/server/orders/record-fulfillment-event";

export const POST = apiHandler(API_ROUTES.recordFulfillmentEvent, ({ actor, params, body, expectedVersion }) =>
  recordFulfillmentEvent(db(), actor, params.orderId, body, { expectedVersion }),
);
