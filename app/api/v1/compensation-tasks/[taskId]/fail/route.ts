import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { failCompensationTask } from "@/lib/modules/compensation/server/compensation-tasks";

export const POST = apiHandler(API_ROUTES.failCompensationTask, ({ actor, params, body, expectedVersion }) =>
  failCompensationTask(db(), actor, params.taskId, body, { expectedVersion }),
);
