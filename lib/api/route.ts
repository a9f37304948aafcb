import "server-only";
import { randomUUID } from "node:crypto";
import { getServerSession } from "next-auth";
import type { z } from "zod";
import type { ApiRouteDef } from "./routes.ts";
import { authOptions } from "../platform/auth/next-auth.ts";
import { authorize, loadActor, type Actor } from "../platform/auth/actor.ts";
import { env } from "../platform/config/env.ts";
import { db } from "../platform/db/client.ts";
import { DomainError, isDomainError } from "../platform/errors.ts";
import { zodFieldErrors } from "../platform/contracts/field-errors.ts";
import { resolveApiKey } from "../platform/auth/api-keys.ts";
import { abandonIdempotent, beginIdempotent, completeIdempotent, requestHash } from "../platform/http/idempotency.ts";
import { problemBody, problemResponse, PROBLEM_CONTENT_TYPE } from "../platform/http/problem.ts";
import { inspectJson, isJsonContentType, MAX_JSON_DEPTH, nulFieldErrors } from "../platform/http/json-guard.ts";
import { takeToken } from "../platform/http/rate-limit.ts";

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface RouteContext<D extends ApiRouteDef> {
  actor: Actor;
  params: Infer<D["params"]>;
  query: Infer<D["query"]>;
  body: Infer<D["body"]>;
  /** The version pinned with If-Match, when the caller sent one. */
  expectedVersion: number | undefined;
}

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string, prefix?: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DomainError("VALIDATION_FAILED", `The ${what} is not valid`, { errors: zodFieldErrors(parsed.error, prefix) });
  return parsed.data;
}

/** The order version pinned by If-Match; `*` (any version) pins nothing. */
export function parseIfMatch(header: string | null): number | undefined {
  if (header === null || header.trim() === "*") return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw new DomainError("VERSION_MISMATCH", 'If-Match must be an order version as returned in ETag, e.g. "3"');
  return Number(m[1]);
}

async function authenticate(req: Request, correlationId: string, def: ApiRouteDef): Promise<{ actor: Actor; keyId: string | null; rate: number }> {
  const meta = {
    ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? req.headers.get("x-real-ip") ?? null,
    userAgent: req.headers.get("user-agent"),
    correlationId,
  };
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    const resolved = m ? await resolveApiKey(db(), m[1]!, meta) : null;
    if (!resolved) throw new DomainError("UNAUTHENTICATED", "The API key is missing, malformed, unknown or revoked");
    return { actor: resolved.actor, keyId: resolved.keyId, rate: resolved.rateLimitPerMinute ?? env().API_RATE_LIMIT_PER_MINUTE };
  }
  // Signed-in pages may read through the API (React Query). Changes go through server actions,
  // which carry their own origin check, so cookies never authorise a POST here.
  if (def.method === "GET") {
    const session = await getServerSession(authOptions);
    const userId = (session?.user as { id?: string } | undefined)?.id;
    const actor = userId ? await loadActor(db(), { id: userId }, { ...meta, via: "web" }) : null;
    if (actor) return { actor, keyId: null, rate: 0 };
  }
  throw new DomainError("UNAUTHENTICATED", "Send an API key as Authorization: Bearer <key>");
}

function json(status: number, body: unknown, headers: Record<string, string>): Response {
  const type = status >= 400 ? PROBLEM_CONTENT_TYPE : "application/json";
  return new Response(JSON.stringify(body), { status, headers: { "content-type": type, ...headers } });
}

/** ETag of an order response (`version`) or of a command's result on an order (`orderVersion`). */
function etagFor(def: ApiRouteDef, body: unknown): Record<string, string> {
  if (!def.versioned && !def.ifMatch) return {};
  const b = body as { version?: unknown; orderVersion?: unknown } | null;
  const version = def.versioned ? b?.version : b?.orderVersion;
  return typeof version === "number" ? { etag: `"${version}"` } : {};
}

function rejectNul(record: Record<string, unknown>, where: "path" | "query") {
  const errors = nulFieldErrors(Object.entries(record), where);
  if (errors.length) throw new DomainError("VALIDATION_FAILED", `The ${where} is not valid`, { errors });
}

/** Reads a POST body as JSON: media type (415), size (413), syntax (400), depth (400), NUL characters (422). */
async function readJsonBody(req: Request): Promise<unknown> {
  if (!isJsonContentType(req.headers.get("content-type"))) {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with content-type: application/json");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  const max = env().API_MAX_BODY_BYTES;
  if (declared > max) throw new DomainError("PAYLOAD_TOO_LARGE", `Request bodies are limited to ${max} bytes`);
  const text = await req.text();
  if (Buffer.byteLength(text) > max) throw new DomainError("PAYLOAD_TOO_LARGE", `Request bodies are limited to ${max} bytes`);
  let raw: unknown;
  try {
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new DomainError("MALFORMED_JSON", "The request body is not valid JSON");
  }
  const inspection = inspectJson(raw);
  if (!inspection.ok && inspection.reason === "TOO_DEEP") {
    throw new DomainError("JSON_TOO_DEEP", `The request body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`);
  }
  if (!inspection.ok) throw new DomainError("VALIDATION_FAILED", "The request body is not valid", { errors: inspection.errors });
  return raw;
}

/**
 * The one wrapper every /api/v1 handler goes through: request id, authentication (bearer key or,
 * for GET, the session), rate limit, permission + scope, parsing of params/query/body with the
 * route's zod schemas, Idempotency-Key and If-Match, and a single problem+json error format.
 */
/**
 * Runs the command and answers with its result. With a claimed idempotency record, the outcome is
 * stored on it: the result, or a decided problem (409, 412, 422 …), which replays get again.
 */
async function runRecorded(def: ApiRouteDef, run: () => Promise<unknown>, pending: { record: string | null }, headers: Record<string, string>): Promise<Response> {
  const status = def.status;
  let result: unknown;
  try {
    result = await run();
  } catch (e) {
    if (!isDomainError(e) || !pending.record) throw e;
    const problem = problemBody(e.code, e.message, e.details ?? {});
    await completeIdempotent(db(), pending.record, problem.status, problem);
    pending.record = null;
    return problemResponse(problem, headers);
  }
  if (pending.record) {
    await completeIdempotent(db(), pending.record, status, result);
    pending.record = null;
  }
  return json(status, result, { ...headers, ...etagFor(def, result) });
}

export function apiHandler<D extends ApiRouteDef>(def: D, run: (ctx: RouteContext<D>) => Promise<unknown>) {
  return async function handler(req: Request, context: NextRouteContext): Promise<Response> {
    const requestId = req.headers.get("x-request-id")?.slice(0, 100) || randomUUID();
    const baseHeaders = { "x-request-id": requestId, "cache-control": "no-store" };
    // The idempotency record this request claimed and has not completed yet (abandoned on failure).
    const pending: { record: string | null } = { record: null };
    try {
      const { actor, keyId, rate } = await authenticate(req, requestId, def);
      const limited = takeToken(keyId ?? `user:${actor.userId}`, rate);
      if (!limited.ok) {
        return problemResponse(problemBody("RATE_LIMITED", `Rate limit of ${rate} requests per minute exceeded`), {
          ...baseHeaders,
          "retry-after": String(limited.retryAfterSeconds),
        });
      }
      authorize(actor, def.permission);

      const url = new URL(req.url);
      const rawParams = (await context?.params) ?? {};
      const rawQuery = Object.fromEntries(url.searchParams);
      rejectNul(rawParams, "path");
      rejectNul(rawQuery, "query");
      const params = def.params ? parseOrThrow(def.params, rawParams, "path", "path") : undefined;
      const query = def.query ? parseOrThrow(def.query, rawQuery, "query", "query") : undefined;
      let body: unknown = undefined;
      let raw: unknown = undefined;
      let idempotencyKey: string | null = null;
      if (def.method === "POST" && def.readOnly) {
        body = def.body ? parseOrThrow(def.body, await readJsonBody(req), "request body") : undefined;
      } else if (def.method === "POST") {
        idempotencyKey = req.headers.get("idempotency-key");
        if (!idempotencyKey || idempotencyKey.length > 255) {
          throw new DomainError("IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key header (1–255 characters) with every POST");
        }
        raw = await readJsonBody(req);
        // The key is claimed before validation so that reusing it with another body is always a
        // 409; a request that fails validation releases the key again (see the catch below).
        const hash = requestHash(def.method, url.pathname, raw);
        const start = await beginIdempotent(db(), actor.userId, idempotencyKey, def.method, url.pathname, hash);
        if (start.kind === "replay") {
          return json(start.status, start.body, { ...baseHeaders, ...etagFor(def, start.body), "idempotent-replayed": "true" });
        }
        pending.record = start.recordId;
        body = def.body ? parseOrThrow(def.body, raw, "request body") : undefined;
      }
      const expectedVersion = def.versioned || def.ifMatch ? parseIfMatch(req.headers.get("if-match")) : undefined;

      return await runRecorded(def, () => run({ actor, params, query, body, expectedVersion } as RouteContext<D>), pending, baseHeaders);
    } catch (e) {
      if (pending.record) await abandonIdempotent(db(), pending.record);
      if (isDomainError(e)) return problemResponse(problemBody(e.code, e.message, e.details ?? {}), baseHeaders);
      console.error(`[api] ${def.method} ${def.path} request ${requestId} failed:`, e);
      return problemResponse(problemBody("INTERNAL", `Unexpected error; quote request id ${requestId} when reporting it`), baseHeaders);
    }
  };
}
