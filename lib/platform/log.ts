import pino, { type Logger } from "pino";
import { env } from "./config/env.ts";

/**
 * The application's structured log: one JSON object per line on standard output (no transport,
 * no worker thread, so it runs unchanged in the Next production server, scripts and tests).
 * LOG_LEVEL sets the threshold. What is logged is chosen field by field by the callers — never
 * request bodies, headers or keys — and the paths below are redacted should one slip in anyway.
 */
const REDACT = ["authorization", "password", "secret", "key", "*.authorization", "*.password", "*.secret", "*.key", "headers"];

const state = globalThis as unknown as { countermandLog?: Logger };

export function log(): Logger {
  state.countermandLog ??= pino({
    level: env().LOG_LEVEL,
    base: { service: "countermand" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT, censor: "[redacted]" },
    formatters: { level: (label) => ({ level: label }) },
  });
  return state.countermandLog;
}

/** One API request as logged (lib/api/route.ts). */
export interface RequestLogLine {
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  actorId: string | null;
  apiKeyId: string | null;
}

export function logRequest(line: RequestLogLine, error?: unknown): void {
  const level = line.status >= 500 ? "error" : "info";
  const err = error instanceof Error ? { err: { type: error.name, message: error.message, stack: error.stack } } : {};
  log()[level]({ kind: "request", ...line, ...err }, `${line.method} ${line.route} ${line.status}`);
}

/** One job attempt as logged (lib/platform/jobs/runner.ts). */
export interface JobLogLine {
  jobId: string;
  type: string;
  attempt: number;
  owner: string;
  outcome: string;
  durationMs: number;
  error: string | null;
  /** A job the runner schedules itself every few seconds: its successes are routine (debug), not news. */
  periodic?: boolean;
}

export function logJobAttempt(line: JobLogLine): void {
  const level = line.outcome === "SUCCEEDED" ? (line.periodic ? "debug" : "info") : line.outcome === "RETRY" ? "warn" : "error";
  log()[level]({ kind: "job", ...line }, `job ${line.type} ${line.outcome}`);
}

/** One webhook delivery attempt as logged (lib/modules/webhooks/server/record-attempt.ts): never the body or the secret. */
export interface DeliveryLogLine {
  deliveryId: string;
  endpointId: string;
  attempt: number;
  statusCode: number | null;
  durationMs: number;
  outcome: string;
  error: string | null;
}

export function logDeliveryAttempt(line: DeliveryLogLine): void {
  const level = line.outcome === "DELIVERED" ? "info" : line.outcome === "RETRY" ? "warn" : "error";
  log()[level]({ kind: "webhook", ...line }, `webhook delivery ${line.outcome}`);
}
