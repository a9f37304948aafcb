import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/platform/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";

export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.roles.has("BUYER")) redirect("/orders");
  if (actor.roles.has("SELLER")) redirect("/seller/orders");
  if (actor.roles.has("APPROVER")) redirect("/approvals");

  const links = [
    ...(actor.roles.has("OPS")
      ? [
          { href: "/seller/orders", title: "All orders", text: "Operations staff can see and work the orders of every store." },
          { href: "/ops/fallout", title: "Fallout", text: "Compensation steps that ran out of retries or are overdue: retry, resolve with evidence, or abandon." },
          { href: "/ops/reconciliation", title: "Reconciliation", text: "Anything inconsistent: stuck requests, caches that disagree with ledgers, refunds above what was paid." },
          { href: "/ops/webhooks", title: "Webhooks", text: "Endpoints that receive events as signed POSTs: delivery log, resend, replay, secret rotation." },
          { href: "/ops/approval-rules", title: "Approval rules", text: "Which changes need whose sign-off, auto-approval conditions and what happens on expiry." },
        ]
      : []),
    { href: "/docs/api", title: "API reference", text: "Endpoints, scopes, idempotency and error codes of the HTTP API." },
  ];
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name}`} description={`Signed in as ${actor.email}.`} />
      <div className="grid gap-4 sm:grid-cols-2">
        {links.map((l) => (
          <Card key={l.href} as="div">
            <Link href={l.href} className="text-base font-semibold text-indigo-700 hover:underline">
              {l.title}
            </Link>
            <p className="mt-1 text-sm text-slate-600">{l.text}</p>
          </Card>
        ))}
      </div>
    </>
  );
}
