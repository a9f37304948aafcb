import type { Db } from "../../../platform/db/client.ts";
import { failingTooLong, judgeAttempt, nextAttemptAt, type Verdict } from "../domain/retry.ts";
import type { ClaimedDelivery } from "./claim.ts";
import type { SentAttempt } from "./send.ts";
import { logDeliveryAttempt } from "../../../platform/log.ts";

export type DeliveryOutcome = "DELIVERED" | "RETRY" | "FAILED" | "LEASE_LOST";

/** The delivery's next state after a verdict: delivered, due again later, or failed for good (retries exhausted). */
function nextState(verdict: Verdict, claimed: ClaimedDelivery, now: Date, random?: number) {
  if (verdict.kind === "DELIVERED") return { status: "DELIVERED", deliveredAt: now, lastError: null };
  if (verdict.kind === "FAILED") return { status: "FAILED", lastError: verdict.reason };
  const at = nextAttemptAt({ n: claimed.roundAttempts, now, roundStartedAt: claimed.roundStartedAt, retryAfterMs: verdict.retryAfterMs, random });
  if (!at) return { status: "FAILED", lastError: `${verdict.reason}; gave up after ${claimed.roundAttempts} attempts over about a day` };
  return { status: "PENDING", nextAttemptAt: at, lastError: verdict.reason };
}

/**
 * Logs the attempt (always, successes too) and moves the delivery on — only while this runner
 * still holds its lease, so a runner that lost it cannot overwrite the one that took over. Then the
 * endpoint: a success ends its failing streak; a failure starts one; 410 Gone, or a streak of a
 * day, disables it.
 */
export async function recordAttempt(
  db: Db,
  claimed: ClaimedDelivery,
  sent: SentAttempt,
  input: { owner: string; now: Date; startedAt: Date; random?: number },
): Promise<DeliveryOutcome> {
  const { now } = input;
  await db.webhookAttempt.create({
    data: {
      deliveryId: claimed.id,
      attempt: claimed.attempts,
      owner: input.owner,
      startedAt: input.startedAt,
      durationMs: Math.max(0, Math.round(sent.durationMs)),
      statusCode: sent.statusCode,
      responseExcerpt: sent.responseExcerpt,
      error: sent.error,
    },
  });
  const verdict = judgeAttempt(sent.result, now);
  const state = nextState(verdict, claimed, now, input.random);
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: claimed.id, leaseOwner: input.owner, attempts: claimed.attempts, status: "PENDING" },
    data: { ...state, lastStatusCode: sent.statusCode, leaseOwner: null, leaseExpiresAt: null },
  });
  const outcome: DeliveryOutcome = !count ? "LEASE_LOST" : state.status === "PENDING" ? "RETRY" : (state.status as "DELIVERED" | "FAILED");
  const durationMs = Math.max(0, Math.round(sent.durationMs));
  logDeliveryAttempt({ deliveryId: claimed.id, endpointId: claimed.endpointId, attempt: claimed.attempts, statusCode: sent.statusCode, durationMs, outcome, error: sent.error });
  if (count) await updateEndpoint(db, claimed.endpointId, verdict, now);
  return outcome;
}

async function updateEndpoint(db: Db, endpointId: string, verdict: Verdict, now: Date) {
  if (verdict.kind === "DELIVERED") {
    await db.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: { not: null } }, data: { failingSince: null } });
    return;
  }
  await db.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: null }, data: { failingSince: now } });
  if (verdict.kind === "FAILED" && verdict.disableEndpoint) {
    await db.webhookEndpoint.updateMany({ where: { id: endpointId, status: "ACTIVE" }, data: { status: "DISABLED", disabledReason: "GONE", disabledAt: now } });
    return;
  }
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { failingSince: true } });
  if (endpoint && failingTooLong(endpoint.failingSince, now)) {
    await db.webhookEndpoint.updateMany({ where: { id: endpointId, status: "ACTIVE" }, data: { status: "DISABLED", disabledReason: "FAILING", disabledAt: now } });
  }
}
