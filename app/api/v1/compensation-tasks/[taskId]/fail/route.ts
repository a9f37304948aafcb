import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { failCompensationTask } from "@/lib/server/cancellations/compensation-tasks";

export const POST = apiHandler(API_ROUTES.failCompensationTask, ({ actor, params, body, expectedVersion }) =>
  failCompensationTask(db(), actor, params.taskId, body, { expectedVersion }),
);
