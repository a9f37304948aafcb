import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { randomUUID } from "node:crypto";
import { authOptions } from "./next-auth.ts";
import { loadActor, type Actor } from "./actor.ts";
import type { Role } from "./permissions.ts";
import { mayEnter, type RoleArea } from "./role-areas.ts";
import { db } from "../db/client.ts";

/** The signed-in person as an Actor (roles read fresh from the database), or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const h = await headers();
  return loadActor(db(), { id: userId }, {
    via: "web",
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip") ?? null,
    userAgent: h.get("user-agent"),
    correlationId: h.get("x-request-id") ?? randomUUID(),
  });
}

/** For pages: signed-out visitors go to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For role areas: a signed-in user without the role gets a plain 404, as for anything out of reach. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await requireActor();
  if (!roles.some((r) => actor.roles.has(r))) notFound();
  return actor;
}

/** For a role area's layout (the same table `proxy.ts` checks before anything renders). */
export async function requireArea(area: RoleArea): Promise<Actor> {
  const actor = await requireActor();
  if (!mayEnter(area, actor.roles)) notFound();
  return actor;
}
