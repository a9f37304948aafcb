import "server-only";
import Link from "next/link";
import { db } from "@/lib/platform/db/client";
import { can } from "@/lib/platform/auth/permissions";
import { listFalloutCases } from "@/lib/modules/compensation/server/fallout-cases";
import { requestActor } from "@/components/orders/load-order";
import { Alert } from "@/components/ui/alert";

/** For OPS on an order page: the order's fallout cases still to work, each linked to its case page. */
export async function OrderFalloutNotice({ orderId }: { orderId: string }) {
  const actor = await requestActor();
  if (!can(actor, "fallout.work")) return null;
  const { items } = await listFalloutCases(db(), actor, { status: "ACTIVE", orderId, limit: 20 });
  if (!items.length) return null;
  return (
    <Alert tone="warning" role="status" title={`${items.length} fallout case${items.length === 1 ? "" : "s"} to work on this order`} className="mb-6">
      <ul className="mt-1 space-y-0.5">
        {items.map((c) => (
          <li key={c.id}>
            <Link href={`/ops/fallout/${c.id}`} className="font-medium text-indigo-700 hover:underline">
              {c.number}
            </Link>{" "}
            — {c.reason}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
