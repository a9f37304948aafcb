import type { Role } from "./permissions.ts";

/**
 * The role-gated areas of the site: the paths of each route group and the roles that may enter
 * it. `proxy.ts` checks them before anything of a page renders (a layout cannot stop its pages:
 * Next renders the segments of a route in parallel), and each group's layout checks again.
 */
export const ROLE_AREAS = {
  buyer: { paths: ["/orders", "/points"], roles: ["BUYER"] },
  seller: { paths: ["/seller"], roles: ["SELLER", "OPS"] },
  approver: { paths: ["/approvals"], roles: ["APPROVER"] },
  ops: { paths: ["/ops"], roles: ["OPS"] },
} as const satisfies Record<string, { paths: readonly string[]; roles: readonly Role[] }>;
export type RoleArea = keyof typeof ROLE_AREAS;

/** The area a page path belongs to (whole path segments only: /orders/x yes, /orders-x no). */
export function roleAreaOf(pathname: string): RoleArea | null {
  for (const [area, def] of Object.entries(ROLE_AREAS) as [RoleArea, (typeof ROLE_AREAS)[RoleArea]][]) {
    if (def.paths.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return area;
  }
  return null;
}

export function mayEnter(area: RoleArea, roles: ReadonlySet<Role>): boolean {
  return (ROLE_AREAS[area].roles as readonly Role[]).some((r) => roles.has(r));
}
