// Webhook endpoints (OPS): register, list, read, disable/enable, rotate the secret, delete.
import type { Db } from "../../../platform/db/client.ts";
import { authorize, type Actor } from "../../../platform/auth/actor.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { decodeCursor, encodeCursor } from "../../../platform/db/pagination.ts";
import type { CreateWebhookT } from "../contracts/webhooks.ts";
import { assertTarget, privateTargetsAllowed } from "./target-guard.ts";
import { newWebhookSecret } from "./secrets.ts";
import { webhookView } from "./views.ts";

export interface WebhookCommandOptions {
  now?: Date;
  /** Default: WEBHOOK_ALLOW_PRIVATE_TARGETS. */
  allowPrivateTargets?: boolean;
}

/** Registers an endpoint (the target checked first: 422 and nothing stored); the secret is returned only here. */
export async function createWebhook(db: Db, actor: Actor, input: CreateWebhookT, options: WebhookCommandOptions = {}) {
  authorize(actor, "webhook.manage");
  await assertTarget(input.url, privateTargetsAllowed(options.allowPrivateTargets));
  const secret = newWebhookSecret();
  const row = await db.webhookEndpoint.create({
    data: { url: input.url, eventTypes: JSON.stringify(input.eventTypes), description: input.description, secret, createdById: actor.userId, ...(options.now ? { createdAt: options.now } : {}) },
  });
  return { ...webhookView(row), secret };
}

export async function listWebhooks(db: Db, actor: Actor, input: { limit: number; cursor?: string }) {
  authorize(actor, "webhook.manage");
  const cursorId = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await db.webhookEndpoint.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return { items: page.map((r) => webhookView(r)), nextCursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!.id) : null };
}

async function endpointOrThrow(db: Db, id: string) {
  const row = await db.webhookEndpoint.findUnique({ where: { id } });
  if (!row) throw notFound("Webhook");
  return row;
}

export async function getWebhook(db: Db, actor: Actor, id: string) {
  authorize(actor, "webhook.manage");
  return webhookView(await endpointOrThrow(db, id));
}

/**
 * A new secret signs from now on; the previous one also signs for `graceMinutes`, so receivers can
 * switch without dropping a delivery. The new secret is returned only here.
 */
export async function rotateWebhookSecret(db: Db, actor: Actor, id: string, input: { graceMinutes: number }, options: WebhookCommandOptions = {}) {
  authorize(actor, "webhook.manage");
  const now = options.now ?? new Date();
  const current = await endpointOrThrow(db, id);
  const secret = newWebhookSecret();
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id, secret: current.secret },
    data: { secret, previousSecret: current.secret, previousSecretExpiresAt: new Date(now.getTime() + input.graceMinutes * 60_000) },
  });
  if (!count) throw new DomainError("CONFLICT", "The secret was rotated meanwhile; read the webhook and try again");
  return { ...webhookView(await endpointOrThrow(db, id), now), secret };
}

/** Stops deliveries to the endpoint (pending ones wait; new events are not queued for it). */
export async function disableWebhook(db: Db, actor: Actor, id: string, options: WebhookCommandOptions = {}) {
  authorize(actor, "webhook.manage");
  await endpointOrThrow(db, id);
  await db.webhookEndpoint.updateMany({ where: { id, status: "ACTIVE" }, data: { status: "DISABLED", disabledReason: "MANUAL", disabledAt: options.now ?? new Date() } });
  return webhookView(await endpointOrThrow(db, id));
}

/** Resumes deliveries: waiting ones go out again at once (a fresh round), the failure clock restarts. */
export async function enableWebhook(db: Db, actor: Actor, id: string, options: WebhookCommandOptions = {}) {
  authorize(actor, "webhook.manage");
  const now = options.now ?? new Date();
  const row = await endpointOrThrow(db, id);
  await assertTarget(row.url, privateTargetsAllowed(options.allowPrivateTargets));
  await inTransaction(db, async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id, status: "DISABLED" },
      data: { status: "ACTIVE", disabledReason: null, disabledAt: null, failingSince: null },
    });
    if (count) await tx.webhookDelivery.updateMany({ where: { endpointId: id, status: "PENDING" }, data: { nextAttemptAt: now, roundStartedAt: now, roundAttempts: 0 } });
  });
  return webhookView(await endpointOrThrow(db, id));
}

/** Removes the endpoint with its deliveries and their attempt log. */
export async function deleteWebhook(db: Db, actor: Actor, id: string) {
  authorize(actor, "webhook.manage");
  const count = await inTransaction(db, async (tx) => {
    // Explicitly, child rows first: SQLite enforces foreign keys (and their cascades) only when asked to.
    await tx.webhookAttempt.deleteMany({ where: { delivery: { endpointId: id } } });
    await tx.webhookDelivery.deleteMany({ where: { endpointId: id } });
    return (await tx.webhookEndpoint.deleteMany({ where: { id } })).count;
  });
  if (!count) throw notFound("Webhook");
  return { id, deleted: true as const };
}
