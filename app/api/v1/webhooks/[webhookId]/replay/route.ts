import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { replayWebhook } from "@/lib/modules/webhooks/server/deliveries";

export const POST = apiHandler(API_ROUTES.replayWebhook, ({ actor, params, body }) => replayWebhook(db(), actor, params.webhookId, body));
