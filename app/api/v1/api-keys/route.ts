import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { createApiKey, listApiKeys } from "@/lib/modules/api-keys/server/api-keys";

export const GET = apiHandler(API_ROUTES.listApiKeys, ({ actor, query }) => listApiKeys(db(), actor, query));
export const POST = apiHandler(API_ROUTES.createApiKey, ({ actor, body }) => createApiKey(db(), actor, body));
