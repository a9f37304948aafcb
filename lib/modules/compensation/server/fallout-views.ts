import type { Db, Prisma, Tx } from "../../../platform/db/client.ts";
import type { FalloutCaseViewT, FalloutStatus } from "../contracts/fallout.ts";
import { compensationJobKey } from "./compensation-job.ts";
import { describeCauses, legacyCancellationId } from "./cause-views.ts";

export type CaseRow = Prisma.FalloutCaseGetPayload<object>;

/** Fallout cases as the API shows them: with their task, its cause and (for one case) every run of its job. */
export async function falloutViews(db: Db | Tx, rows: CaseRow[], withAttempts: boolean): Promise<FalloutCaseViewT[]> {
  const orders = await db.order.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.orderId))] } }, select: { id: true, number: true, currency: true, version: true } });
  const causes = await describeCauses(db, rows);
  const tasks = await db.compensationTask.findMany({ where: { id: { in: rows.map((r) => r.compensationTaskId).filter((x): x is string => !!x) } } });
  const jobs = withAttempts
    ? await db.job.findMany({ where: { key: { in: tasks.map((t) => compensationJobKey(t.id)) } }, include: { attemptLog: { orderBy: { attempt: "asc" } } } })
    : [];
  return rows.map((c) => {
    const task = tasks.find((t) => t.id === c.compensationTaskId) ?? null;
    const request = legacyCancellationId(c) ? (causes.get(`${c.causeType}:${c.causeId}`) ?? null) : null;
    const job = task ? jobs.find((j) => j.key === compensationJobKey(task.id)) : undefined;
    return {
      id: c.id,
      number: c.number,
      status: c.status as FalloutStatus,
      reason: c.reason,
      orderId: c.orderId,
      orderNumber: orders.find((o) => o.id === c.orderId)?.number ?? "",
      orderVersion: orders.find((o) => o.id === c.orderId)?.version ?? 0,
      currency: orders.find((o) => o.id === c.orderId)?.currency ?? "USD",
      cancellationRequestId: legacyCancellationId(c),
      cancellationNumber: request?.number ?? null,
      cancellationStatus: request?.status ?? null,
      task: task && {
        id: task.id,
        type: task.type,
        mode: task.mode,
        status: task.status,
        reversibility: task.reversibility,
        externalEffect: task.externalEffect,
        quantity: task.quantity,
        amount: task.amount,
        attempts: task.attempts,
        lastError: task.lastError,
        dueAt: task.dueAt?.toISOString() ?? null,
        input: task.input,
        output: task.output,
      },
      context: c.context,
      attempts: (job?.attemptLog ?? []).map((a) => ({
        attempt: a.attempt,
        owner: a.owner,
        startedAt: a.startedAt.toISOString(),
        finishedAt: a.finishedAt?.toISOString() ?? null,
        outcome: a.outcome,
        error: a.error,
      })),
      evidence: c.evidence,
      resolution: c.resolution,
      resolvedBy: c.resolvedByLabel,
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  });
}

