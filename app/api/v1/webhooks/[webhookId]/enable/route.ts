import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { enableWebhook } from "@/lib/modules/webhooks/server/endpoints";

export const POST = apiHandler(API_ROUTES.enableWebhook, ({ actor, params }) => enableWebhook(db(), actor, params.webhookId));
