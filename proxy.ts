import { NextResponse, type NextRequest } from "next/server";
import { problemBody, problemResponse } from "./lib/server/http/problem.ts";
import { isDecodablePath, methodsForApiPath } from "./lib/server/http/route-match.ts";

const PREFIX = "/api/v1";

/**
 * The API's front door: answers what no route handler can, as problem+json — a path that is not
 * valid percent-encoding (400), a path no route has (404), a method the path does not take (405
 * with Allow) — so the router never turns these into HTML or text errors.
 */
export function proxy(req: NextRequest) {
  const rawPath = rawPathname(req.url);
  if (!rawPath.startsWith(`${PREFIX}/`) && rawPath !== PREFIX) return NextResponse.next();
  const headers = { "cache-control": "no-store" };
  if (!isDecodablePath(rawPath)) {
    return problemResponse(problemBody("MALFORMED_URL", "The request path is not valid percent-encoded UTF-8"), headers);
  }
  const methods = methodsForApiPath(rawPath.slice(PREFIX.length) || "/");
  if (!methods) return problemResponse(problemBody("NOT_FOUND", `No API endpoint at ${safe(rawPath)}`), headers);
  const allowed = methods.includes("GET") ? [...methods, "HEAD"] : methods;
  if (!allowed.includes(req.method) && req.method !== "OPTIONS") {
    return problemResponse(problemBody("METHOD_NOT_ALLOWED", `${req.method} is not allowed here; use ${allowed.join(" or ")}`), { ...headers, allow: allowed.join(", ") });
  }
  return NextResponse.next();
}

/** The path exactly as sent (still percent-encoded), without query or fragment. */
function rawPathname(url: string): string {
  const afterHost = url.replace(/^[a-z]+:\/\/[^/]*/i, "");
  return afterHost.split(/[?#]/, 1)[0] || "/";
}

function safe(path: string): string {
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

export const config = { matcher: ["/api/v1", "/api/v1/:path*"] };
