import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { recordFulfillmentEvent } from "@/lib/modules/orders/server/record-fulfillment-event";

export const POST = apiHandler(API_ROUTES.recordFulfillmentEvent, ({ actor, params, body, expectedVersion }) =>
  recordFulfillmentEvent(db(), actor, params.orderId, body, { expectedVersion }),
);
