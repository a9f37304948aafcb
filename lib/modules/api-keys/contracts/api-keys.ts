import { z } from "zod";
import { SCOPES } from "../../../platform/auth/permissions.ts";
import { ListQuery, pageOf } from "../../../platform/contracts/common.ts";

export const ApiKeyScope = z.enum([...SCOPES, "*"]);

/** OPS creates a key for a user: which scopes (`*` = every scope), a label and its own rate limit. */
export const CreateApiKey = z
  .object({
    userEmail: z.string().trim().toLowerCase().min(1, "Enter the user's email").max(254).pipe(z.email("Enter a valid email address")),
    scopes: z.array(ApiKeyScope).min(1, "Choose at least one scope").max(SCOPES.length + 1),
    name: z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters"),
    rateLimitPerMinute: z.number().int("Enter a whole number").min(1, "At least 1 request per minute").max(1_000_000, "At most 1,000,000").nullable().optional(),
  })
  .strict();
export type CreateApiKey = z.infer<typeof CreateApiKey>;

export const ApiKeyId = z.object({ apiKeyId: z.string().min(1).max(100) });

export const ApiKeyQuery = ListQuery.extend({
  status: z.enum(["ACTIVE", "REVOKED", "ALL"]).default("ALL"),
});

export const ApiKeyView = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("The key's first characters, to recognise it; the key itself is never shown again"),
    userEmail: z.string(),
    scopes: z.array(z.string()),
    rateLimitPerMinute: z.number().int().nullable().describe("null: the deployment's default (API_RATE_LIMIT_PER_MINUTE)"),
    status: z.enum(["ACTIVE", "REVOKED"]),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().describe("Updated at most once a minute"),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const CreatedApiKey = ApiKeyView.extend({ key: z.string().describe("The key itself, shown only in this answer") }).meta({ id: "CreatedApiKey" });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const ApiKeyPage = pageOf(ApiKeyView);
