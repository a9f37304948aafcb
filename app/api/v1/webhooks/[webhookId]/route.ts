import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { deleteWebhook, getWebhook } from "@/lib/modules/webhooks/server/endpoints";

export const GET = apiHandler(API_ROUTES.getWebhook, ({ actor, params }) => getWebhook(db(), actor, params.webhookId));
export const DELETE = apiHandler(API_ROUTES.deleteWebhook, ({ actor, params }) => deleteWebhook(db(), actor, params.webhookId));
