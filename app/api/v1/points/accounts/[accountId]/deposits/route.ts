import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { depositPoints } from "@/lib/modules/points/server/accounts";

export const POST = apiHandler(API_ROUTES.depositPoints, ({ actor, params, body }) => depositPoints(db(), actor, params.accountId, body));
