// API keys (OPS): create (the key shown once), list, revoke.
import { ApiKeyId, ApiKeyPage, ApiKeyQuery, ApiKeyView, CreateApiKey, CreatedApiKey } from "../../modules/api-keys/contracts/api-keys.ts";
import type { ApiRouteDef } from "../route-def.ts";

export const API_KEY_ROUTES = {
  listApiKeys: {
    method: "GET",
    path: "/api-keys",
    tag: "API keys",
    summary: "API keys, newest first, with their user, scopes, rate limit and last use (OPS)",
    description: "`status` = ACTIVE, REVOKED or ALL (default). The keys themselves are never listed.",
    permission: "apikey.manage",
    query: ApiKeyQuery,
    response: ApiKeyPage,
    status: 200,
  },
  createApiKey: {
    method: "POST",
    path: "/api-keys",
    tag: "API keys",
    summary: "Create a key for a user with scopes, a name and its own rate limit (OPS); the key is in this answer only",
    description:
      "Scopes from the scope list, or `*` for all. `rateLimitPerMinute` null or absent: the deployment's default. Unknown user or scope → 422 and nothing is created. A replay with the same Idempotency-Key answers without `key`: it is never stored.",
    permission: "apikey.manage",
    body: CreateApiKey,
    response: CreatedApiKey,
    status: 201,
    shownOnce: ["key"],
  },
  revokeApiKey: {
    method: "POST",
    path: "/api-keys/{apiKeyId}/revoke",
    tag: "API keys",
    summary: "Revoke a key (OPS): from the next request on it answers 401",
    description: "Unknown id → 404. Revoking a revoked key changes nothing.",
    permission: "apikey.manage",
    params: ApiKeyId,
    response: ApiKeyView,
    status: 200,
  },
} as const satisfies Record<string, ApiRouteDef>;
