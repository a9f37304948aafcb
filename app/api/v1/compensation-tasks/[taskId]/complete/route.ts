import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { completeCompensationTask } from "@/lib/server/cancellations/compensation-tasks";

export const POST = apiHandler(API_ROUTES.completeCompensationTask, ({ actor, params, body, expectedVersion }) =>
  completeCompensationTask(db(), actor, params.taskId, body, { expectedVersion }),
);
