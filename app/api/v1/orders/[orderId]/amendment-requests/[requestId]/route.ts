import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { getAmendmentRequest } from "@/lib/modules/amendments/server/queries";

export const GET = apiHandler(API_ROUTES.getAmendmentRequest, ({ actor, params }) => getAmendmentRequest(db(), actor, params.orderId, params.requestId));
