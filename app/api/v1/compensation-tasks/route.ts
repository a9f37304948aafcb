import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { listCompensationTasks } from "@/lib/modules/compensation/server/compensation-tasks";

export const GET = apiHandler(API_ROUTES.listCompensationTasks, ({ actor, query }) => listCompensationTasks(db(), actor, query));
