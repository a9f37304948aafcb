import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { getPointsWithdrawal } from "@/lib/modules/points/server/queries";

export const GET = apiHandler(API_ROUTES.getPointsWithdrawal, ({ actor, params }) => getPointsWithdrawal(db(), actor, params.withdrawTransactionId));
