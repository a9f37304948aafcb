import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { createWebhook, listWebhooks } from "@/lib/modules/webhooks/server/endpoints";

export const POST = apiHandler(API_ROUTES.createWebhook, ({ actor, body }) => createWebhook(db(), actor, body));
export const GET = apiHandler(API_ROUTES.listWebhooks, ({ actor, query }) => listWebhooks(db(), actor, query));
