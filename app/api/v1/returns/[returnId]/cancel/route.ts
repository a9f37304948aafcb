import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { cancelReturn } from "@/lib/modules/returns/server/cancel-return";

export const POST = apiHandler(API_ROUTES.cancelReturn, ({ actor, params }) => cancelReturn(db(), actor, params.returnId));
