import { randomUUID } from "node:crypto";
import { DomainError } from "../errors.ts";
import type { ApproverLevel, Permission, Role, Scope } from "./permissions.ts";
import { can, hasRole } from "./permissions.ts";
import type { Db } from "../db/client.ts";

/** Who is acting, through which channel, with what reach. Resolved once per request. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  roles: ReadonlySet<Role>;
  approverLevel: ApproverLevel | null;
  storeIds: readonly string[];
  scopes: "*" | ReadonlySet<Scope>;
  via: "web" | "api" | "cli" | "system";
  apiKeyId?: string;
  ip?: string | null;
  userAgent?: string | null;
  correlationId: string;
}

export interface RequestMeta {
  via: Actor["via"];
  ip?: string | null;
  userAgent?: string | null;
  correlationId?: string;
  apiKeyId?: string;
  scopes?: Actor["scopes"];
}

/** Loads the user's current roles and store memberships; null if the user does not exist. */
export async function loadActor(db: Db, where: { id: string } | { email: string }, meta: RequestMeta): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: "id" in where ? { id: where.id } : { email: where.email.toLowerCase() },
    include: { roles: true, memberships: true },
  });
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    roles: new Set(user.roles.map((r) => r.role as Role)),
    approverLevel: (user.approverLevel as ApproverLevel | null) ?? null,
    storeIds: user.memberships.map((m) => m.storeId),
    scopes: meta.scopes ?? "*",
    via: meta.via,
    apiKeyId: meta.apiKeyId,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent ?? null,
    correlationId: meta.correlationId ?? randomUUID(),
  };
}

/**
 * Fails closed. Lacking the role or the key's scope is 403 (the caller learns nothing about data);
 * reaching for data outside one's reach is answered 404 by the queries themselves.
 */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    const reason = hasRole(actor, permission) ? "the API key lacks the required scope" : "your role does not allow this";
    throw new DomainError("FORBIDDEN", `Not allowed: ${reason} (${permission})`);
  }
}

export function actorLabel(actor: Actor): string {
  return actor.via === "api" ? `${actor.email} (API)` : actor.via === "cli" ? `${actor.email} (CLI)` : actor.email;
}

export function isOps(actor: Actor): boolean {
  return actor.roles.has("OPS");
}
