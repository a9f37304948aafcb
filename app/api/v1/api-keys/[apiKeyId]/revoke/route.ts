import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/modules/api-keys/server/api-keys";

export const POST = apiHandler(API_ROUTES.revokeApiKey, ({ actor, params }) => revokeApiKey(db(), actor, params.apiKeyId));
