import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { approveReturn } from "@/lib/modules/returns/server/decide-return";

export const POST = apiHandler(API_ROUTES.approveReturn, ({ actor, params, body }) => approveReturn(db(), actor, params.returnId, body));
