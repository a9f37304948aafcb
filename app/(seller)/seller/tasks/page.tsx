import type { Metadata } from "next";
import { db } from "@/lib/platform/db/client";
import { listCompensationTasks } from "@/lib/modules/compensation/server/compensation-tasks";
import { requestActor } from "@/components/orders/load-order";
import { TaskQueue } from "@/components/cancellations/task-queue";
import { PageHeader } from "@/components/ui/page-header";
import { completeTaskAction, failTaskAction } from "./actions";

export const metadata: Metadata = { title: "Tasks" };

export default async function TasksPage() {
  const actor = await requestActor();
  const { items } = await listCompensationTasks(db(), actor, { status: "OPEN", limit: 100 });
  const readAt = Date.now();
  const scope = actor.roles.has("OPS") ? "all stores" : `your ${actor.storeIds.length === 1 ? "store" : "stores"}`;
  return (
    <>
      <PageHeader
        title="Tasks"
        description={`Manual steps of cancellations for ${scope}, oldest first. Confirm each one with what was done, or report why it could not be done.`}
      />
      <TaskQueue initial={items} initialAt={readAt} completeAction={completeTaskAction} failAction={failTaskAction} />
    </>
  );
}
