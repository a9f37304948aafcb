import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { previewAmendment } from "@/lib/modules/amendments/server/preview";

export const POST = apiHandler(API_ROUTES.previewAmendmentRequest, ({ actor, params, body, expectedVersion }) =>
  previewAmendment(db(), actor, params.orderId, body, { expectedVersion }),
);
