import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { createReturn } from "@/lib/modules/returns/server/create-return";
import { listReturns } from "@/lib/modules/returns/server/queries";

export const GET = apiHandler(API_ROUTES.listReturns, ({ actor, params }) => listReturns(db(), actor, params.orderId));
export const POST = apiHandler(API_ROUTES.createReturn, ({ actor, params, body, expectedVersion }) => createReturn(db(), actor, params.orderId, body, { expectedVersion }));
