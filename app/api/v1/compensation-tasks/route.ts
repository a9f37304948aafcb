import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { listCompensationTasks } from "@/lib/server/cancellations/compensation-tasks";

export const GET = apiHandler(API_ROUTES.listCompensationTasks, ({ actor, query }) => listCompensationTasks(db(), actor, query));
