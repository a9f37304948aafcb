import { createHash } from "node:crypto";
import type { Db } from "../db/client.ts";
import { DomainError } from "../errors.ts";

const LOCK_MS = 60_000;

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, stable((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** Hash of what makes two requests "the same": method, path and the JSON body with keys sorted. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method} ${path}\n${JSON.stringify(stable(body))}`).digest("hex");
}

export type IdempotencyStart =
  | { kind: "new"; recordId: string }
  | { kind: "replay"; status: number; body: unknown };

/**
 * Claims an Idempotency-Key for one caller. The unique (actor, key) row is inserted before the
 * command runs, so of two concurrent requests with the same key exactly one executes; the other
 * gets the stored response once it is done (or 409 REQUEST_IN_PROGRESS while it runs).
 */
export async function beginIdempotent(db: Db, actorId: string, key: string, method: string, path: string, hash: string): Promise<IdempotencyStart> {
  for (let attempt = 0; attempt < 3; attempt++) {
    // Insert first (a new key is the common case: one statement); the unique (actor, key) refuses a second.
    const inserted = await db.idempotencyRecord
      .create({ data: { actorId, key, method, path, requestHash: hash, lockedUntil: new Date(Date.now() + LOCK_MS) }, select: { id: true } })
      .catch((e: { code?: string }) => {
        if (e?.code === "P2002") return null;
        throw e;
      });
    if (inserted) return { kind: "new", recordId: inserted.id };
    const existing = await db.idempotencyRecord.findUnique({ where: { actorId_key: { actorId, key } } });
    if (!existing) continue; // released (deleted) in between: try again
    if (existing.requestHash !== hash || existing.method !== method || existing.path !== path) {
      throw new DomainError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used with a different request");
    }
    if (existing.status === "COMPLETED") return { kind: "replay", status: existing.responseStatus ?? 200, body: existing.responseBody };
    // In progress: if its owner died (lock expired), take it over; otherwise ask the caller to retry.
    const { count } = await db.idempotencyRecord.updateMany({
      where: { id: existing.id, status: "IN_PROGRESS", lockedUntil: { lt: new Date() } },
      data: { lockedUntil: new Date(Date.now() + LOCK_MS) },
    });
    if (count === 1) return { kind: "new", recordId: existing.id };
    throw new DomainError("REQUEST_IN_PROGRESS", "A request with this Idempotency-Key is still being processed; retry shortly");
  }
  throw new DomainError("REQUEST_IN_PROGRESS", "A request with this Idempotency-Key is still being processed; retry shortly");
}

export async function completeIdempotent(db: Db, recordId: string, status: number, body: unknown) {
  await db.idempotencyRecord.update({
    select: { id: true },
    where: { id: recordId },
    data: { status: "COMPLETED", responseStatus: status, responseBody: JSON.parse(JSON.stringify(body ?? null)), lockedUntil: null },
  });
}

/** Unexpected failures release the key so the caller can retry with it. */
export async function abandonIdempotent(db: Db, recordId: string) {
  await db.idempotencyRecord.delete({ where: { id: recordId } }).catch(() => {});
}
