import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { depositPoints } from "@/lib/server/points/accounts";

export const POST = apiHandler(API_ROUTES.depositPoints, ({ actor, params, body }) => depositPoints(db(), actor, params.accountId, body));
