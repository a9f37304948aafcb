// A small client of the HTTP API for the bench: every answer comes back with its status and its
// round-trip time; only network failures and timeouts throw.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

/** Per request, as in the peer workload. */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface Answer<T = unknown> {
  status: number;
  /** Parsed JSON body (null when the body is not JSON). */
  body: T | null;
  text: string;
  ms: number;
}

/** An answer the bench cannot go on from, described by what the API said. */
export class ApiCallError extends Error {}

/** `409 CODE detail` from a problem+json body, else the status and the start of the body. */
export function describeAnswer(answer: Answer): string {
  const problem = answer.body as { code?: string; detail?: string; title?: string } | null;
  if (problem && typeof problem === "object" && (problem.code || problem.title)) {
    return `${answer.status} ${problem.code ?? ""} ${problem.detail ?? problem.title ?? ""}`.replace(/\s+/g, " ").trim();
  }
  return `${answer.status} ${answer.text.slice(0, 200)}`;
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.name === "TimeoutError" ? `timeout after ${REQUEST_TIMEOUT_MS} ms` : `${e.name}: ${e.message}`;
  return String(e);
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  async request<T = unknown>(method: "GET" | "POST", path: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.apiKey}` };
    if (method === "POST") {
      headers["content-type"] = "application/json";
      headers["idempotency-key"] = randomUUID();
    }
    const t0 = performance.now();
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let parsed: T | null = null;
    try {
      parsed = JSON.parse(text) as T;
    } catch {
      /* not JSON: described by its text */
    }
    return { status: res.status, body: parsed, text, ms };
  }

  get<T = unknown>(path: string): Promise<Answer<T>> {
    return this.request<T>("GET", path);
  }

  post<T = unknown>(path: string, body: unknown): Promise<Answer<T>> {
    return this.request<T>("POST", path, body);
  }

  /** A call that must answer `status`; resolves with the body, else throws what the API said. */
  async expect<T>(method: "GET" | "POST", path: string, status: number, body?: unknown): Promise<T> {
    const answer = await this.request<T>(method, path, body);
    if (answer.status !== status || answer.body === null) throw new ApiCallError(`${method} ${path} → ${describeAnswer(answer)}`);
    return answer.body;
  }
}
