import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { listFalloutCases } from "@/lib/server/fallout/fallout-cases";

export const GET = apiHandler(API_ROUTES.listFalloutCases, ({ actor, query }) => listFalloutCases(db(), actor, query));
