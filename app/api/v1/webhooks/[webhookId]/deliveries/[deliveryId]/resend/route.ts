import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { resendDelivery } from "@/lib/modules/webhooks/server/deliveries";

export const POST = apiHandler(API_ROUTES.resendWebhookDelivery, ({ actor, params }) => resendDelivery(db(), actor, params.webhookId, params.deliveryId));
