import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { withdrawPoints } from "@/lib/server/points/accounts";

export const POST = apiHandler(API_ROUTES.withdrawPoints, ({ actor, params, body }) => withdrawPoints(db(), actor, params.accountId, body));
