import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { getReturn } from "@/lib/modules/returns/server/queries";

export const GET = apiHandler(API_ROUTES.getReturn, ({ actor, params }) => getReturn(db(), actor, params.returnId));
