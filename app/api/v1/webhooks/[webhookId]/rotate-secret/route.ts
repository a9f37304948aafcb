import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { rotateWebhookSecret } from "@/lib/modules/webhooks/server/endpoints";

export const POST = apiHandler(API_ROUTES.rotateWebhookSecret, ({ actor, params, body }) => rotateWebhookSecret(db(), actor, params.webhookId, body));
