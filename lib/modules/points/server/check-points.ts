import type { Db } from "../../../platform/db/client.ts";

export interface PointsMismatch {
  transactionId: string;
  problem: string;
}

/**
 * Proves the points running totals agree with the append-only rows: per withdrawal, withdrawn =
 * Σ allocations = canceled + cancelable, canceled = Σ allocation canceled = Σ points refunded by its
 * cancellations; per allocation, canceled = Σ deposits created to refund it; per deposit, remaining =
 * points − Σ withdrawn from it, never negative.
 */
export async function findPointsMismatches(db: Db): Promise<PointsMismatch[]> {
  const problems: PointsMismatch[] = [];
  const transactions = await db.pointsTransaction.findMany();
  const allocations = await db.pointsAllocation.findMany();
  const cancellations = await db.pointsCancellation.groupBy({ by: ["withdrawalId"], _sum: { pointsRefunded: true } });
  const refundedByCancellations = new Map(cancellations.map((c) => [c.withdrawalId, c._sum.pointsRefunded ?? 0]));
  const refundDeposits = new Map<string, number>(); // withdrawalId|depositId → points given back
  const withdrawalOfCancellation = new Map((await db.pointsCancellation.findMany({ select: { id: true, withdrawalId: true } })).map((c) => [c.id, c.withdrawalId]));
  for (const t of transactions) {
    if (t.type !== "DEPOSIT" || !t.cancellationId || !t.refundsDepositId) continue;
    const key = `${withdrawalOfCancellation.get(t.cancellationId)}|${t.refundsDepositId}`;
    refundDeposits.set(key, (refundDeposits.get(key) ?? 0) + t.points);
  }
  for (const t of transactions) {
    if (t.type === "WITHDRAWAL") {
      const own = allocations.filter((a) => a.withdrawalId === t.id);
      const withdrawn = own.reduce((n, a) => n + a.pointsWithdrawn, 0);
      const canceled = own.reduce((n, a) => n + a.pointsCanceled, 0);
      const cancelable = own.reduce((n, a) => n + a.pointsCancelable, 0);
      if (withdrawn !== t.points) problems.push({ transactionId: t.id, problem: `allocations withdraw ${withdrawn}, withdrawal is ${t.points}` });
      if (t.pointsCanceled + t.pointsCancelable !== t.points || t.pointsCancelable < 0)
        problems.push({ transactionId: t.id, problem: `canceled ${t.pointsCanceled} + cancelable ${t.pointsCancelable} ≠ withdrawn ${t.points}` });
      if (canceled !== t.pointsCanceled || cancelable !== t.pointsCancelable)
        problems.push({ transactionId: t.id, problem: `allocations canceled/cancelable ${canceled}/${cancelable} ≠ withdrawal ${t.pointsCanceled}/${t.pointsCancelable}` });
      if ((refundedByCancellations.get(t.id) ?? 0) !== t.pointsCanceled)
        problems.push({ transactionId: t.id, problem: `cancellations refunded ${refundedByCancellations.get(t.id) ?? 0} ≠ canceled ${t.pointsCanceled}` });
      for (const a of own) {
        if (a.pointsCanceled + a.pointsCancelable !== a.pointsWithdrawn || a.pointsCancelable < 0)
          problems.push({ transactionId: t.id, problem: `allocation ${a.id}: canceled + cancelable ≠ withdrawn` });
        const given = refundDeposits.get(`${t.id}|${a.depositId}`) ?? 0;
        if (given !== a.pointsCanceled) problems.push({ transactionId: t.id, problem: `allocation ${a.id}: deposits give back ${given} ≠ canceled ${a.pointsCanceled}` });
      }
    } else {
      const taken = allocations.filter((a) => a.depositId === t.id).reduce((n, a) => n + a.pointsWithdrawn, 0);
      if (t.remaining !== t.points - taken || t.remaining < 0)
        problems.push({ transactionId: t.id, problem: `remaining ${t.remaining} ≠ points ${t.points} − withdrawn ${taken}` });
    }
  }
  return problems;
}
