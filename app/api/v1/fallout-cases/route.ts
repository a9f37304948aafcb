import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { listFalloutCases } from "@/lib/modules/compensation/server/fallout-cases";

export const GET = apiHandler(API_ROUTES.listFalloutCases, ({ actor, query }) => listFalloutCases(db(), actor, query));
