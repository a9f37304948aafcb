import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { getPointsWithdrawal } from "@/lib/server/points/queries";

export const GET = apiHandler(API_ROUTES.getPointsWithdrawal, ({ actor, params }) => getPointsWithdrawal(db(), actor, params.withdrawTransactionId));
