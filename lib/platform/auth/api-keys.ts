import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import { loadActor, type Actor, type RequestMeta } from "./actor.ts";
import { parseScopes, SCOPES } from "./permissions.ts";

const PREFIX = "cm_";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Stores a new key for a user; the plain key is returned once and only its hash is stored. */
export async function issueApiKey(
  db: Db,
  input: { userId: string; scopes: string; name?: string; rateLimitPerMinute?: number },
): Promise<{ id: string; key: string; scopes: string }> {
  const scopes = parseScopes(input.scopes);
  const key = PREFIX + randomBytes(24).toString("base64url");
  const scopeText = scopes === "*" ? "*" : [...scopes].sort((a, b) => SCOPES.indexOf(a) - SCOPES.indexOf(b)).join(",");
  const row = await db.apiKey.create({
    data: {
      userId: input.userId,
      name: input.name?.trim() || "API key",
      prefix: key.slice(0, PREFIX.length + 6),
      keyHash: hashApiKey(key),
      scopes: scopeText,
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
    },
  });
  return { id: row.id, key, scopes: scopeText };
}

/** Creates a key for the user with this email (the CLI); the plain key is returned once. */
export async function createApiKey(
  db: Db,
  input: { userEmail: string; scopes: string; name?: string; rateLimitPerMinute?: number },
): Promise<{ id: string; key: string; scopes: string; userEmail: string }> {
  parseScopes(input.scopes);
  const user = await db.user.findUnique({ where: { email: input.userEmail.trim().toLowerCase() } });
  if (!user) throw new Error(`No user with email ${input.userEmail}`);
  const issued = await issueApiKey(db, { ...input, userId: user.id });
  return { ...issued, userEmail: user.email };
}

export interface ApiKeyActor {
  actor: Actor;
  keyId: string;
  rateLimitPerMinute: number | null;
}

/** Resolves a bearer key to the acting user, narrowed by the key's scopes; null if unknown or revoked. */
export async function resolveApiKey(db: Db, key: string, meta: Omit<RequestMeta, "via" | "scopes" | "apiKeyId">): Promise<ApiKeyActor | null> {
  if (!key.startsWith(PREFIX) || key.length > 200) return null;
  const row = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
  if (!row || row.revokedAt) return null;
  const actor = await loadActor(db, { id: row.userId }, { ...meta, via: "api", apiKeyId: row.id, scopes: parseScopes(row.scopes) });
  if (!actor) return null;
  // Touch lastUsedAt at most once a minute: a write per request would cost every call.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  }
  return { actor, keyId: row.id, rateLimitPerMinute: row.rateLimitPerMinute };
}
