import Link from "next/link";
import type { Actor } from "@/lib/platform/auth/actor";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export interface HeaderUser {
  email: string;
  name: string;
  roles: string[];
}

export function headerUser(actor: Actor | null): HeaderUser | null {
  return actor ? { email: actor.email, name: actor.name, roles: [...actor.roles] } : null;
}

type Roles = ReadonlySet<string>;
const staff = (r: Roles) => r.has("SELLER") || r.has("OPS");

/** The main navigation, in order, each entry with the roles it shows for. */
const NAV_ITEMS: readonly { href: string; label: string; shows: (roles: Roles) => boolean }[] = [
  { href: "/orders", label: "My orders", shows: (r) => r.has("BUYER") },
  { href: "/points", label: "My points", shows: (r) => r.has("BUYER") },
  { href: "/seller/orders", label: "Store orders", shows: staff },
  { href: "/seller/tasks", label: "Tasks", shows: staff },
  { href: "/seller/returns", label: "Returns", shows: staff },
  { href: "/ops/fallout", label: "Fallout", shows: (r) => r.has("OPS") },
  { href: "/ops/reconciliation", label: "Reconciliation", shows: (r) => r.has("OPS") },
  { href: "/ops/webhooks", label: "Webhooks", shows: (r) => r.has("OPS") },
  { href: "/approvals", label: "Approvals", shows: (r) => r.has("APPROVER") },
  { href: "/ops/approval-rules", label: "Approval rules", shows: (r) => r.has("OPS") },
  { href: "/ops/amendment-matrix", label: "Amendment matrix", shows: (r) => r.has("OPS") },
  { href: "/ops/reason-codes", label: "Reason codes", shows: (r) => r.has("OPS") },
  { href: "/ops/inventory", label: "Inventory", shows: (r) => r.has("OPS") },
  { href: "/ops/api-keys", label: "API keys", shows: (r) => r.has("OPS") },
  { href: "/docs/api", label: "API reference", shows: () => true },
];

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const roles = new Set(user?.roles ?? []);
  return (
    <header className="bg-indigo-700 text-white shadow">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6 lg:px-8">
        <Link
          href="/"
          className="flex items-center gap-2 rounded-md text-lg font-bold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        >
          <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-white text-sm font-black text-indigo-700">
            C
          </span>
          Countermand
        </Link>
        <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap items-center gap-1">
            {NAV_ITEMS.filter((item) => item.shows(roles)).map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          {user ? (
            <>
              <span className="min-w-0 text-right text-sm leading-tight">
                <span className="block max-w-[14rem] truncate font-medium" data-testid="signed-in-email">
                  {user.email}
                </span>
                <span className="hidden text-xs text-indigo-200 sm:block">{user.roles.map((r) => r.toLowerCase()).join(", ")}</span>
              </span>
              <SignOutButton />
            </>
          ) : (
            <Link
              href="/login"
              className="rounded-md px-3 py-1.5 text-sm font-semibold ring-1 ring-inset ring-indigo-300/60 hover:bg-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
            >
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
