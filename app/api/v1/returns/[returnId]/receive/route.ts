import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { receiveReturn } from "@/lib/modules/returns/server/receive-return";

export const POST = apiHandler(API_ROUTES.receiveReturn, ({ actor, params, body }) => receiveReturn(db(), actor, params.returnId, body));
