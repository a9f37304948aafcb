import { ERROR_STATUS, ERROR_TITLES, type ErrorCode, type FieldError } from "../errors.ts";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function problemBody(code: ErrorCode | "INTERNAL", detail: string, extra: Record<string, unknown> = {}): ProblemBody {
  const status = code === "INTERNAL" ? 500 : ERROR_STATUS[code];
  const title = code === "INTERNAL" ? "Internal error" : ERROR_TITLES[code];
  // Extra members never override the standard ones (a detail named `status` must not change the status).
  return { ...extra, type: `/docs/api#error-${code.toLowerCase().replaceAll("_", "-")}`, title, status, detail, code };
}

export function problemResponse(body: ProblemBody, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status: body.status, headers: { "content-type": PROBLEM_CONTENT_TYPE, ...headers } });
}
