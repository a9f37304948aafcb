import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { abandonFalloutCase } from "@/lib/server/fallout/fallout-cases";

export const POST = apiHandler(API_ROUTES.abandonFalloutCase, ({ actor, params, body, expectedVersion }) =>
  abandonFalloutCase(db(), actor, params.caseId, body, { expectedVersion }));
