import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { cancelPointsWithdrawal } from "@/lib/modules/points/server/partial-cancellation";

export const POST = apiHandler(API_ROUTES.cancelPointsWithdrawal, ({ actor, body }) => cancelPointsWithdrawal(db(), actor, body));
