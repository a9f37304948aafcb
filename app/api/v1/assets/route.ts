import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { listAssets } from "@/lib/modules/orders/server/assets";

export const GET = apiHandler(API_ROUTES.listAssets, ({ actor, query }) => listAssets(db(), actor, query));
