import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { completeCompensationTask } from "@/lib/modules/compensation/server/compensation-tasks";

export const POST = apiHandler(API_ROUTES.completeCompensationTask, ({ actor, params, body, expectedVersion }) =>
  completeCompensationTask(db(), actor, params.taskId, body, { expectedVersion }),
);
