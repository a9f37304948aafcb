// Runs before any route: the API's front door and the role gate of the pages.
//
// API (/api/v1/…): answers what no route handler can, as problem+json — a path that is not valid
// percent-encoding (400), a path no route of the table has (404), a method the path does not take
// (405 with Allow) — so the router never turns these into HTML or text errors.
//
// Pages: role-gated areas (lib/platform/auth/role-areas.ts) answer a plain 404 to a signed-in user without
// the area's role, and send signed-out visitors to the login page, before a layout or page starts:
// Next renders a route's layout and page in parallel, so a check in the layout alone cannot keep
// the page from fetching and streaming its data. Roles are read fresh from the database, as every
// page and command does; data reach is still checked by each query.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { mayEnter, roleAreaOf } from "@/lib/platform/auth/role-areas";
import type { Role } from "@/lib/platform/auth/permissions";
import { authSecret } from "@/lib/platform/config/env";
import { db } from "@/lib/platform/db/client";
import { problemBody, problemResponse, type ProblemBody } from "@/lib/platform/http/problem";
import { requestIdFrom } from "@/lib/platform/http/request-id";
import { isDecodablePath, methodsForApiPath } from "@/lib/api/route-match";

const API_PREFIX = "/api/v1";

export async function proxy(req: NextRequest) {
  const rawPath = rawPathname(req.url);
  if (rawPath === API_PREFIX || rawPath.startsWith(`${API_PREFIX}/`)) return apiFrontDoor(req, rawPath);
  return roleGate(req);
}

function apiFrontDoor(req: NextRequest, rawPath: string) {
  // One request id from here on: the route handler reads it back from the forwarded header.
  const requestId = requestIdFrom(req.headers.get("x-request-id"));
  const headers = { "cache-control": "no-store", "x-request-id": requestId };
  const refuse = (body: ProblemBody, extra: Record<string, string> = {}) => problemResponse({ ...body, requestId }, { ...headers, ...extra });
  if (!isDecodablePath(rawPath)) {
    return refuse(problemBody("MALFORMED_URL", "The request path is not valid percent-encoded UTF-8"));
  }
  const methods = methodsForApiPath(rawPath.slice(API_PREFIX.length) || "/");
  if (!methods) return refuse(problemBody("NOT_FOUND", `No API endpoint at ${shortened(rawPath)}`));
  const allowed = methods.includes("GET") ? [...methods, "HEAD"] : methods;
  if (!allowed.includes(req.method) && req.method !== "OPTIONS") {
    return refuse(problemBody("METHOD_NOT_ALLOWED", `${req.method} is not allowed here; use ${allowed.join(" or ")}`), { allow: allowed.join(", ") });
  }
  const forwarded = new Headers(req.headers);
  forwarded.set("x-request-id", requestId);
  return NextResponse.next({ request: { headers: forwarded } });
}

async function roleGate(req: NextRequest) {
  const area = roleAreaOf(req.nextUrl.pathname);
  if (!area) return NextResponse.next();
  const userId = await signedInUserId(req);
  if (!userId) return NextResponse.redirect(new URL("/login", req.url));
  const roles = await db().userRole.findMany({ where: { userId }, select: { role: true } });
  if (!mayEnter(area, new Set(roles.map((r) => r.role as Role)))) {
    return NextResponse.rewrite(new URL("/_not-found", req.url), { status: 404 });
  }
  return NextResponse.next();
}

async function signedInUserId(req: NextRequest): Promise<string | null> {
  const secret = authSecret();
  // next-auth names the cookie __Secure-… when it served the sign-in over https.
  for (const secureCookie of [false, true]) {
    const token = await getToken({ req, secret, secureCookie });
    if (typeof token?.uid === "string") return token.uid;
  }
  return null;
}

/** The path exactly as sent (still percent-encoded), without query or fragment. */
function rawPathname(url: string): string {
  const afterHost = url.replace(/^[a-z]+:\/\/[^/]*/i, "");
  return afterHost.split(/[?#]/, 1)[0] || "/";
}

function shortened(path: string): string {
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

export const config = {
  // The API, and every page but Next's own assets and files with an extension (roleAreaOf decides).
  matcher: ["/api/v1", "/api/v1/:path*", "/((?!api/|_next/|.*\\.[a-z0-9]+$).*)"],
};
