import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { getFalloutCase } from "@/lib/server/fallout/fallout-cases";

export const GET = apiHandler(API_ROUTES.getFalloutCase, ({ actor, params }) => getFalloutCase(db(), actor, params.caseId));
