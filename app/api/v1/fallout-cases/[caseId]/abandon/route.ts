import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { abandonFalloutCase } from "@/lib/modules/compensation/server/fallout-cases";

export const POST = apiHandler(API_ROUTES.abandonFalloutCase, ({ actor, params, body, expectedVersion }) =>
  abandonFalloutCase(db(), actor, params.caseId, body, { expectedVersion }));
