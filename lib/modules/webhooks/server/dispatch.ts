import type { Db } from "../../../platform/db/client.ts";
import { claimDeliveries, type ClaimedDelivery } from "./claim.ts";
import { fanOutOutbox } from "./fan-out.ts";
import { recordAttempt, type DeliveryOutcome } from "./record-attempt.ts";
import { sendWebhook } from "./send.ts";
import { privateTargetsAllowed } from "./target-guard.ts";

export interface DispatchOptions {
  owner: string;
  /** The clock: due times, backoff, lease expiry, the signature timestamp. */
  now?: () => Date;
  batch?: number;
  /** A little longer than the 15 s timeout, so a live runner never loses a delivery it is sending. */
  leaseMs?: number;
  /** At most this many claim-and-send rounds per call (the next period's job continues). */
  rounds?: number;
  allowPrivateTargets?: boolean;
  timeoutMs?: number;
  /** Jitter source, for tests. */
  random?: () => number;
}

export interface DispatchReport {
  events: number;
  queued: number;
  claimed: number;
  outcomes: Record<DeliveryOutcome, number>;
}

async function sendClaimed(db: Db, claimed: ClaimedDelivery, options: DispatchOptions, clock: () => Date, allowPrivate: boolean): Promise<DeliveryOutcome> {
  const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: claimed.id }, select: { endpoint: true } });
  const event = await db.outboxEvent.findUnique({ where: { id: claimed.eventId }, select: { id: true, type: true, createdAt: true, orderId: true, sequence: true, payload: true } });
  const startedAt = clock();
  const sent = event
    ? await sendWebhook({ endpoint: delivery.endpoint, event, now: startedAt, allowPrivateTargets: allowPrivate, timeoutMs: options.timeoutMs })
    : { result: { error: "the outbox event no longer exists", retryable: false }, durationMs: 0, statusCode: null, responseExcerpt: null, error: "the outbox event no longer exists" };
  return recordAttempt(db, claimed, sent, { owner: options.owner, now: clock(), startedAt, random: options.random?.() });
}

/** An endpoint deleted while its delivery was being sent takes the delivery with it: nothing left to record. */
async function goneOrThrow(db: Db, deliveryId: string, e: unknown): Promise<DeliveryOutcome> {
  if (await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true } })) throw e;
  return "LEASE_LOST";
}

/**
 * One dispatcher pass (the `webhooks.dispatch` job): hand new outbox events to the endpoints, then
 * claim due deliveries with a lease and send them, a batch at a time, concurrently within a batch.
 * Several runners on one database each deliver different deliveries; each attempt happens once.
 */
export async function dispatchWebhooks(db: Db, options: DispatchOptions): Promise<DispatchReport> {
  const clock = options.now ?? (() => new Date());
  const allowPrivate = privateTargetsAllowed(options.allowPrivateTargets);
  const fanned = await fanOutOutbox(db, clock());
  const report: DispatchReport = { events: fanned.events, queued: fanned.deliveries, claimed: 0, outcomes: { DELIVERED: 0, RETRY: 0, FAILED: 0, LEASE_LOST: 0 } };
  for (let round = 0; round < (options.rounds ?? 5); round++) {
    const claimed = await claimDeliveries(db, { owner: options.owner, now: clock(), leaseMs: options.leaseMs ?? 60_000, batch: options.batch ?? 10 });
    if (!claimed.length) break;
    report.claimed += claimed.length;
    const outcomes = await Promise.all(claimed.map((c) => sendClaimed(db, c, options, clock, allowPrivate).catch((e: unknown) => goneOrThrow(db, c.id, e))));
    for (const o of outcomes) report.outcomes[o]++;
  }
  return report;
}
