import type { Db } from "../../../platform/db/client.ts";

export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  attempts: number;
  roundAttempts: number;
  roundStartedAt: Date;
}

const dueNow = (now: Date) => ({
  status: "PENDING",
  nextAttemptAt: { lte: now },
  OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
});

/**
 * Claims up to `batch` due deliveries of ACTIVE endpoints with a lease. Each claim is one
 * conditional UPDATE on the row as read (same attempt count, still due, lease free or expired), so
 * of several runners exactly one wins each attempt. A delivery waits while an earlier event of its
 * stream is still PENDING for the same endpoint, so each endpoint gets a stream's events in order.
 */
export async function claimDeliveries(db: Db, input: { owner: string; now: Date; leaseMs: number; batch: number }): Promise<ClaimedDelivery[]> {
  const { now } = input;
  const candidates = await db.webhookDelivery.findMany({
    where: { ...dueNow(now), endpoint: { status: "ACTIVE" } },
    orderBy: [{ nextAttemptAt: "asc" }, { sequence: "asc" }, { id: "asc" }],
    take: input.batch * 3,
    select: { id: true, endpointId: true, eventId: true, streamKey: true, sequence: true, attempts: true, roundAttempts: true, roundStartedAt: true },
  });
  const claimed: ClaimedDelivery[] = [];
  for (const c of candidates) {
    if (claimed.length >= input.batch) break;
    const earlier = await db.webhookDelivery.count({ where: { endpointId: c.endpointId, streamKey: c.streamKey, sequence: { lt: c.sequence }, status: "PENDING" } });
    if (earlier) continue;
    const { count } = await db.webhookDelivery.updateMany({
      where: { AND: [{ id: c.id, attempts: c.attempts }, dueNow(now)] },
      data: { leaseOwner: input.owner, leaseExpiresAt: new Date(now.getTime() + input.leaseMs), attempts: { increment: 1 }, roundAttempts: { increment: 1 } },
    });
    if (count !== 1) continue;
    claimed.push({ id: c.id, endpointId: c.endpointId, eventId: c.eventId, attempts: c.attempts + 1, roundAttempts: c.roundAttempts + 1, roundStartedAt: c.roundStartedAt });
  }
  return claimed;
}
