import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { cancelPointsWithdrawal } from "@/lib/server/points/partial-cancellation";

export const POST = apiHandler(API_ROUTES.cancelPointsWithdrawal, ({ actor, body }) => cancelPointsWithdrawal(db(), actor, body));
