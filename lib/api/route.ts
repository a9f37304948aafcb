import "server-only";
import type { z } from "zod";
import type { ApiRouteDef } from "./routes.ts";
import { authorize, type Actor } from "../platform/auth/actor.ts";
import { db } from "../platform/db/client.ts";
import { DomainError, isDomainError } from "../platform/errors.ts";
import { abandonIdempotent, beginIdempotent, completeIdempotent, requestHash } from "../platform/http/idempotency.ts";
import { problemBody, problemResponse, PROBLEM_CONTENT_TYPE, type ProblemBody } from "../platform/http/problem.ts";
import { rateLimitHeaders, takeRequest } from "../platform/http/rate-limit.ts";
import { requestIdFrom } from "../platform/http/request-id.ts";
import { logRequest } from "../platform/log.ts";
import { authenticate, parseOrThrow, readJsonBody, rejectNul, type Caller } from "./request-input.ts";

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

/** The order version pinned by If-Match; `*` (any version) pins nothing. */
export function parseIfMatch(header: string | null): number | undefined {
  if (header === null || header.trim() === "*") return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw new DomainError("VERSION_MISMATCH", 'If-Match must be an order version as returned in ETag, e.g. "3"');
  return Number(m[1]);
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

/** What one request has gathered so far: its id, the headers every answer carries, its caller. */
interface Exchange {
  requestId: string;
  headers: Record<string, string>;
  /** The idempotency record this request claimed and has not completed yet (abandoned on failure). */
  pending: { record: string | null };
  caller: Caller | null;
}

/** A problem+json answer carrying the request id in its body as in its `x-request-id` header. */
function problem(body: ProblemBody, ex: Exchange): Response {
  return problemResponse({ ...body, requestId: ex.requestId }, ex.headers);
}

/** The answer as stored for replays: without the fields shown only once. */
function withoutShownOnce(def: ApiRouteDef, result: unknown): unknown {
  if (!def.shownOnce?.length || typeof result !== "object" || result === null) return result;
  return Object.fromEntries(Object.entries(result).filter(([k]) => !def.shownOnce!.includes(k)));
}

/**
 * Runs the command and answers with its result. With a claimed idempotency record, the outcome is
 * stored on it: the result, or a decided problem (409, 412, 422 …), which replays get again.
 */
async function runRecorded(def: ApiRouteDef, run: () => Promise<unknown>, ex: Exchange): Promise<Response> {
  let result: unknown;
  try {
    result = await run();
  } catch (e) {
    if (!isDomainError(e) || !ex.pending.record) throw e;
    const body = problemBody(e.code, e.message, e.details ?? {});
    await completeIdempotent(db(), ex.pending.record, body.status, body);
    ex.pending.record = null;
    return problem(body, ex);
  }
  if (ex.pending.record) {
    await completeIdempotent(db(), ex.pending.record, def.status, withoutShownOnce(def, result));
    ex.pending.record = null;
  }
  return json(def.status, result, { ...ex.headers, ...etagFor(def, result) });
}

/** Authentication, then one take from the caller's rate limit; its RateLimit-* headers go on every answer. */
async function admit(req: Request, def: ApiRouteDef, ex: Exchange): Promise<Caller> {
  const caller = await authenticate(req, ex.requestId, def);
  ex.caller = caller;
  const decision = await takeRequest(caller.keyId ?? `user:${caller.actor.userId}`, caller.rate);
  if (decision) Object.assign(ex.headers, rateLimitHeaders(decision));
  if (decision && !decision.allowed) {
    throw new DomainError("RATE_LIMITED", `Rate limit of ${caller.rate} requests per minute exceeded; retry in ${decision.resetSeconds} s`);
  }
  authorize(caller.actor, def.permission);
  return caller;
}

type Inputs = { params: unknown; query: unknown; body: unknown; replay: Response | null };

/** Path, query and body parsed with the route's schemas; a POST's Idempotency-Key claimed (or its stored answer replayed). */
async function readInputs(req: Request, context: NextRouteContext, def: ApiRouteDef, actor: Actor, ex: Exchange): Promise<Inputs> {
  const url = new URL(req.url);
  const rawParams = (await context?.params) ?? {};
  const rawQuery = Object.fromEntries(url.searchParams);
  rejectNul(rawParams, "path");
  rejectNul(rawQuery, "query");
  const params = def.params ? parseOrThrow(def.params, rawParams, "path", "path") : undefined;
  const query = def.query ? parseOrThrow(def.query, rawQuery, "query", "query") : undefined;
  if (def.method !== "POST") return { params, query, body: undefined, replay: null };
  if (def.readOnly) return { params, query, body: def.body ? parseOrThrow(def.body, await readJsonBody(req), "request body") : undefined, replay: null };
  const idempotencyKey = req.headers.get("idempotency-key");
  if (!idempotencyKey || idempotencyKey.length > 255) {
    throw new DomainError("IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key header (1–255 characters) with every POST");
  }
  const raw = await readJsonBody(req);
  // The key is claimed before validation so that reusing it with another body is always a
  // 409; a request that fails validation releases the key again (see apiHandler's catch).
  const hash = requestHash(def.method, url.pathname, raw);
  const start = await beginIdempotent(db(), actor.userId, idempotencyKey, def.method, url.pathname, hash);
  if (start.kind === "replay") {
    const stored = start.status >= 400 ? { ...(start.body as object), requestId: ex.requestId } : start.body;
    return { params, query, body: undefined, replay: json(start.status, stored, { ...ex.headers, ...etagFor(def, start.body), "idempotent-replayed": "true" }) };
  }
  ex.pending.record = start.recordId;
  return { params, query, body: def.body ? parseOrThrow(def.body, raw, "request body") : undefined, replay: null };
}

/**
 * The one wrapper every /api/v1 handler goes through: request id, authentication (bearer key or,
 * for GET, the session), rate limit, permission + scope, parsing of params/query/body with the
 * route's zod schemas, Idempotency-Key and If-Match, a single problem+json error format, and one
 * structured log line per request.
 */
export function apiHandler<D extends ApiRouteDef>(def: D, run: (ctx: RouteContext<D>) => Promise<unknown>) {
  return async function handler(req: Request, context: NextRouteContext): Promise<Response> {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers.get("x-request-id"));
    const ex: Exchange = { requestId, headers: { "x-request-id": requestId, "cache-control": "no-store" }, pending: { record: null }, caller: null };
    let res: Response;
    let failure: unknown;
    try {
      const { actor } = await admit(req, def, ex);
      const { params, query, body, replay } = await readInputs(req, context, def, actor, ex);
      const expectedVersion = def.versioned || def.ifMatch ? parseIfMatch(req.headers.get("if-match")) : undefined;
      res = replay ?? (await runRecorded(def, () => run({ actor, params, query, body, expectedVersion } as RouteContext<D>), ex));
    } catch (e) {
      if (ex.pending.record) await abandonIdempotent(db(), ex.pending.record);
      if (!isDomainError(e)) failure = e;
      res = isDomainError(e)
        ? problem(problemBody(e.code, e.message, e.details ?? {}), ex)
        : problem(problemBody("INTERNAL", `Unexpected error; quote request id ${requestId} when reporting it`), ex);
    }
    const durationMs = Math.round(performance.now() - started);
    logRequest({ requestId, method: def.method, route: def.path, status: res.status, durationMs, actorId: ex.caller?.actor.userId ?? null, apiKeyId: ex.caller?.keyId ?? null }, failure);
    return res;
  };
}
