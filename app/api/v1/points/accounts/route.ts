import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { createPointsAccount } from "@/lib/server/points/accounts";

export const POST = apiHandler(API_ROUTES.createPointsAccount, ({ actor, body }) => createPointsAccount(db(), actor, body));
