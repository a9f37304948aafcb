import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { listDeliveries } from "@/lib/modules/webhooks/server/deliveries";

export const GET = apiHandler(API_ROUTES.listWebhookDeliveries, ({ actor, params, query }) => listDeliveries(db(), actor, params.webhookId, query));
