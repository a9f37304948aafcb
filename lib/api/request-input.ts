import "server-only";
import { getServerSession } from "next-auth";
import type { z } from "zod";
import type { ApiRouteDef } from "./route-def.ts";
import { authOptions } from "../platform/auth/next-auth.ts";
import { loadActor, type Actor } from "../platform/auth/actor.ts";
import { resolveApiKey } from "../platform/auth/api-keys.ts";
import { env } from "../platform/config/env.ts";
import { db } from "../platform/db/client.ts";
import { DomainError } from "../platform/errors.ts";
import { zodFieldErrors } from "../platform/contracts/field-errors.ts";
import { inspectJson, isJsonContentType, MAX_JSON_DEPTH, nulFieldErrors } from "../platform/http/json-guard.ts";

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string, prefix?: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DomainError("VALIDATION_FAILED", `The ${what} is not valid`, { errors: zodFieldErrors(parsed.error, prefix) });
  return parsed.data;
}

export function rejectNul(record: Record<string, unknown>, where: "path" | "query") {
  const errors = nulFieldErrors(Object.entries(record), where);
  if (errors.length) throw new DomainError("VALIDATION_FAILED", `The ${where} is not valid`, { errors });
}

export interface Caller {
  actor: Actor;
  keyId: string | null;
  /** Requests per minute this caller may make (0 = unlimited: signed-in pages reading). */
  rate: number;
}

export function clientIp(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
}

/** A bearer API key, or for GET the signed-in session; otherwise 401. */
export async function authenticate(req: Request, correlationId: string, def: ApiRouteDef): Promise<Caller> {
  const meta = { ip: clientIp(req.headers), userAgent: req.headers.get("user-agent"), correlationId };
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

/** Reads a POST body as JSON: media type (415), size (413), syntax (400), depth (400), NUL characters (422). */
export async function readJsonBody(req: Request): Promise<unknown> {
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
