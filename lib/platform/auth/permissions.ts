// The one table of who may do what. Commands call `authorize(actor, permission)`; route handlers
// and server actions declare the permission they need; data scoping (own orders, own stores)
// happens in each query's where clause (lib/modules/orders/server/scope.ts).

export const ROLES = ["BUYER", "SELLER", "APPROVER", "OPS"] as const;
export type Role = (typeof ROLES)[number];

// Approver levels are a domain notion; re-exported because actors carry one.
export { APPROVER_LEVELS, approverLevelRank, type ApproverLevel } from "./levels.ts";

export const SCOPES = [
  "orders:read",
  "orders:write",
  "fulfillment:write",
  "inventory:write",
  "cancellations:write",
  "approvals:write",
  "amendments:write",
  "returns:write",
  "points:write",
  "apikeys:write",
  "webhooks:write",
] as const;
export type Scope = (typeof SCOPES)[number];

export const PERMISSIONS = {
  "order.read": { roles: ["BUYER", "SELLER", "APPROVER", "OPS"], scope: "orders:read" },
  "order.intake": { roles: ["SELLER", "OPS"], scope: "orders:write" },
  "order.fulfil": { roles: ["SELLER", "OPS"], scope: "fulfillment:write" },
  "order.note": { roles: ["SELLER", "OPS"], scope: "orders:write" },
  // A buyer adds to their own order (an add-on); sellers and OPS also make replacements.
  "order.supplement": { roles: ["BUYER", "SELLER", "OPS"], scope: "orders:write" },
  "inventory.read": { roles: ["SELLER", "OPS"], scope: "orders:read" },
  "inventory.adjust": { roles: ["SELLER", "OPS"], scope: "inventory:write" },
  "cancellation.request": { roles: ["BUYER", "SELLER", "OPS"], scope: "cancellations:write" },
  "cancellation.withdraw": { roles: ["BUYER", "SELLER", "OPS"], scope: "cancellations:write" },
  "amendment.request": { roles: ["BUYER", "SELLER", "OPS"], scope: "amendments:write" },
  "amendment.withdraw": { roles: ["BUYER", "SELLER", "OPS"], scope: "amendments:write" },
  "return.request": { roles: ["BUYER", "SELLER", "OPS"], scope: "returns:write" },
  "return.receive": { roles: ["SELLER", "OPS"], scope: "fulfillment:write" },
  "approval.decide": { roles: ["APPROVER"], scope: "approvals:write" },
  "compensation.work": { roles: ["SELLER", "OPS"], scope: "fulfillment:write" },
  "fallout.work": { roles: ["OPS"], scope: "fulfillment:write" },
  "reconciliation.read": { roles: ["OPS"], scope: "orders:read" },
  "webhook.manage": { roles: ["OPS"], scope: "webhooks:write" },
  "apikey.manage": { roles: ["OPS"], scope: "apikeys:write" },
  "approval.rules.manage": { roles: ["OPS"], scope: null },
  "amendment.policy.manage": { roles: ["OPS"], scope: null },
  "reasoncode.manage": { roles: ["OPS"], scope: null },
  "points.write": { roles: ["OPS"], scope: "points:write" },
  // A buyer reads their own points; keys with either scope may read withdrawals.
  "points.read": { roles: ["BUYER", "OPS"], scope: "orders:read", alsoScopes: ["points:write"] },
} as const satisfies Record<string, { roles: readonly Role[]; scope: Scope | null; alsoScopes?: readonly Scope[] }>;
export type Permission = keyof typeof PERMISSIONS;

export interface ActorLike {
  roles: ReadonlySet<Role>;
  /** `"*"` for people signed in on the web; an API key's scopes otherwise. */
  scopes: "*" | ReadonlySet<Scope>;
}

export function hasRole(actor: ActorLike, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).some((r) => actor.roles.has(r));
}

export function hasScope(actor: ActorLike, permission: Permission): boolean {
  const p: { scope: Scope | null; alsoScopes?: readonly Scope[] } = PERMISSIONS[permission];
  if (p.scope === null || actor.scopes === "*") return true;
  const held = actor.scopes;
  return held.has(p.scope) || (p.alsoScopes ?? []).some((s) => held.has(s));
}

export function can(actor: ActorLike, permission: Permission): boolean {
  return hasRole(actor, permission) && hasScope(actor, permission);
}

export function parseScopes(text: string): "*" | Set<Scope> {
  const parts = text.split(",").map((s) => s.trim()).filter(Boolean);
  if (parts.includes("*")) return "*";
  const unknown = parts.filter((p) => !(SCOPES as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`Unknown scope(s): ${unknown.join(", ")}. Known: ${SCOPES.join(", ")}, *`);
  if (!parts.length) throw new Error("At least one scope is required");
  return new Set(parts as Scope[]);
}
