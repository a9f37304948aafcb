// Runs before any route renders. Role-gated pages (lib/auth/role-areas.ts) answer a plain 404 to a
// signed-in user without the area's role, and send signed-out visitors to the login page, before
// a layout or page starts: Next renders a route's layout and page in parallel, so a check in the
// layout alone cannot keep the page from fetching and streaming its data. Roles are read fresh
// from the database, as every page and command does; data reach is still checked by each query.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { mayEnter, roleAreaOf } from "@/lib/auth/role-areas";
import type { Role } from "@/lib/auth/permissions";
import { authSecret } from "@/lib/config/env";
import { db } from "@/lib/db/client";

async function signedInUserId(req: NextRequest): Promise<string | null> {
  const secret = authSecret();
  // next-auth names the cookie __Secure-… when it served the sign-in over https.
  for (const secureCookie of [false, true]) {
    const token = await getToken({ req, secret, secureCookie });
    if (typeof token?.uid === "string") return token.uid;
  }
  return null;
}

export async function proxy(req: NextRequest) {
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

export const config = {
  // Everything but the API, Next's own assets and files with an extension; roleAreaOf decides.
  matcher: ["/((?!api/|_next/|.*\\.[a-z0-9]+$).*)"],
};
