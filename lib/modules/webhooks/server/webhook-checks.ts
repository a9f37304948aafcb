import type { Db } from "../../../platform/db/client.ts";

export interface WebhookFinding {
  endpointId: string;
  url: string;
  problem: string;
}

/** Endpoints the dispatcher disabled (410 Gone, or failing for a day): deliveries to them wait until OPS acts. */
export async function findDisabledWebhooks(db: Db): Promise<WebhookFinding[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: { status: "DISABLED", disabledReason: { in: ["GONE", "FAILING"] } },
    select: { id: true, url: true, disabledReason: true, disabledAt: true, failingSince: true },
    take: 500,
  });
  return rows.map((r) => ({
    endpointId: r.id,
    url: r.url,
    problem:
      r.disabledReason === "GONE"
        ? `disabled ${r.disabledAt?.toISOString() ?? ""}: the receiver answered 410 Gone`
        : `disabled ${r.disabledAt?.toISOString() ?? ""}: every attempt failed since ${r.failingSince?.toISOString() ?? "?"}`,
  }));
}
