import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { createPointsAccount } from "@/lib/modules/points/server/accounts";

export const POST = apiHandler(API_ROUTES.createPointsAccount, ({ actor, body }) => createPointsAccount(db(), actor, body));
