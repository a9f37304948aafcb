import type { Db } from "../../../platform/db/client.ts";
import { authorize, type Actor } from "../../../platform/auth/actor.ts";
import { issueApiKey } from "../../../platform/auth/api-keys.ts";
import { decodeCursor, encodeCursor } from "../../../platform/db/pagination.ts";
import { notFound, validationFailed } from "../../../platform/errors.ts";
import type { ApiKeyView, CreateApiKey, CreatedApiKey } from "../contracts/api-keys.ts";

type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  rateLimitPerMinute: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user: { email: string };
};

const SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  rateLimitPerMinute: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { email: true } },
} as const;

function view(row: KeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userEmail: row.user.email,
    scopes: row.scopes.split(",").filter(Boolean),
    rateLimitPerMinute: row.rateLimitPerMinute,
    status: row.revokedAt ? "REVOKED" : "ACTIVE",
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** OPS creates a key for an existing user; the key is in this answer only (its hash is stored). */
export async function createApiKey(db: Db, actor: Actor, input: CreateApiKey): Promise<CreatedApiKey> {
  authorize(actor, "apikey.manage");
  const user = await db.user.findUnique({ where: { email: input.userEmail }, select: { id: true } });
  if (!user) throw validationFailed([{ path: "userEmail", message: `No user with email ${input.userEmail}` }], "Unknown user");
  const scopes = input.scopes.includes("*") ? "*" : input.scopes.join(",");
  const issued = await issueApiKey(db, { userId: user.id, scopes, name: input.name, rateLimitPerMinute: input.rateLimitPerMinute ?? undefined });
  const row = await db.apiKey.findUniqueOrThrow({ where: { id: issued.id }, select: SELECT });
  return { ...view(row), key: issued.key };
}

/** Every key (or the active / revoked ones), newest first. */
export async function listApiKeys(
  db: Db,
  actor: Actor,
  query: { limit: number; cursor?: string; status: "ACTIVE" | "REVOKED" | "ALL" },
): Promise<{ items: ApiKeyView[]; nextCursor: string | null }> {
  authorize(actor, "apikey.manage");
  const where = query.status === "ACTIVE" ? { revokedAt: null } : query.status === "REVOKED" ? { revokedAt: { not: null } } : {};
  const rows = await db.apiKey.findMany({
    where,
    select: SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: decodeCursor(query.cursor) }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  return { items: page.map(view), nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!.id) : null };
}

/**
 * Revokes a key: from the next request on it answers 401 (keys are looked up on every request,
 * nothing caches them). Revoking a revoked key changes nothing; an unknown id is a 404.
 */
export async function revokeApiKey(db: Db, actor: Actor, id: string, now = new Date()): Promise<ApiKeyView> {
  authorize(actor, "apikey.manage");
  await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  const row = await db.apiKey.findUnique({ where: { id }, select: SELECT });
  if (!row) throw notFound("API key");
  return view(row);
}
