import { excerpt, webhookBody, type OutboxEventLike } from "../domain/payload.ts";
import type { AttemptResult } from "../domain/retry.ts";
import { signedHeaders, signingSecrets } from "./secrets.ts";
import { targetProblem } from "./target-guard.ts";

export const DELIVERY_TIMEOUT_MS = 15_000;
const EXCERPT_READ_BYTES = 4096;

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

/** The first bytes of a response body (the rest is not read: a receiver cannot make us buffer megabytes). */
async function readStart(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_READ_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).toString("utf8");
}

function describeError(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return `timed out after ${timeoutMs} ms`;
  const cause = err?.cause?.code ?? err?.cause?.message;
  return `network error: ${err?.message ?? String(e)}${cause ? ` (${cause})` : ""}`.slice(0, 500);
}

/**
 * One attempt: POST the signed body to the endpoint. The target is checked again first (its name
 * may resolve elsewhere now); redirects are not followed (a 3xx is a failure); the whole attempt
 * is cut off after the timeout.
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
    const res = await fetch(input.endpoint.url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    const text = await readStart(res).catch(() => "");
    return {
      result: { statusCode: res.status, retryAfter: res.headers.get("retry-after") },
      durationMs: Date.now() - started,
      statusCode: res.status,
      responseExcerpt: excerpt(text),
      error: null,
    };
  } catch (e) {
    const error = describeError(e, timeoutMs);
    return { result: { error, retryable: true }, durationMs: Date.now() - started, statusCode: null, responseExcerpt: null, error };
  }
}
