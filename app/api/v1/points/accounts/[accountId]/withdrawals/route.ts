import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { withdrawPoints } from "@/lib/modules/points/server/accounts";

export const POST = apiHandler(API_ROUTES.withdrawPoints, ({ actor, params, body }) => withdrawPoints(db(), actor, params.accountId, body));
