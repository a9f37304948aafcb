import { excerpt, webhookBody, type OutboxEventLike } from "../domain/payload.ts";
import type { AttemptResult } from "../domain/retry.ts";
import { signedHeaders, signingSecrets } from "./secrets.ts";
import { targetProblem } from "./target-guard.ts";
import { httpPost } from "./http-post.ts";

export const DELIVERY_TIMEOUT_MS = 15_000;

export interface SendInput {
  endpoint: { url: string; secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null };
  event: OutboxEventLike;
  now: Date;
  allowPrivateTargets: boolean;
  timeoutMs?: number;
}

export interface SentAttempt {
  result: AttemptResult;
  durationMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
}

function describeError(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; code?: string };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return `timed out after ${timeoutMs} ms`;
  return `network error: ${err?.message ?? String(e)}${err?.code ? ` (${err.code})` : ""}`.slice(0, 500);
}

/**
 * One attempt: POST the signed body to the endpoint. The target is checked again first (its name
 * may resolve elsewhere now), and the connection itself goes only to a public address; redirects
 * are not followed (a 3xx is a failure); the whole attempt is cut off after the timeout.
 */
export async function sendWebhook(input: SendInput): Promise<SentAttempt> {
  const started = Date.now();
  const timeoutMs = input.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const refused = await targetProblem(input.endpoint.url, input.allowPrivateTargets);
  if (refused) {
    return { result: { error: refused.message, retryable: refused.transient }, durationMs: Date.now() - started, statusCode: null, responseExcerpt: null, error: refused.message };
  }
  const body = JSON.stringify(webhookBody(input.event));
  const headers = { ...signedHeaders(signingSecrets(input.endpoint, input.now), input.event.id, input.now, body), "user-agent": "Countermand-Webhooks/1" };
  try {
    const res = await httpPost(input.endpoint.url, { headers, body, timeoutMs, allowPrivate: input.allowPrivateTargets });
    const retryAfter = res.headers["retry-after"];
    return {
      result: { statusCode: res.status, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : (retryAfter ?? null) },
      durationMs: Date.now() - started,
      statusCode: res.status,
      responseExcerpt: excerpt(res.bodyStart),
      error: null,
    };
  } catch (e) {
    const error = describeError(e, timeoutMs);
    const internal = (e as { code?: string })?.code === "EINTERNALTARGET";
    return { result: { error, retryable: !internal }, durationMs: Date.now() - started, statusCode: null, responseExcerpt: null, error };
  }
}
