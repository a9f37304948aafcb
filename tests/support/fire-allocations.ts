// Child process for multi-instance tests: fires N concurrent single-unit fulfilment events at one
// line through its own database client and prints the outcomes as JSON on the last line.
// usage: tsx tests/support/fire-allocations.ts <databaseUrl> <orderId> <lineId> <type> <n> <actorEmail>
import { createDb } from "../../lib/platform/db/client.ts";
import { loadActor } from "../../lib/platform/auth/actor.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import type { FulfilmentEventType } from "../../lib/modules/orders/domain/buckets.ts";

const [url, orderId, lineId, type, n, email] = process.argv.slice(2);
const db = createDb(url!);
const actor = (await loadActor(db, { email: email! }, { via: "system", correlationId: "child" }))!;
const results = await Promise.all(
  Array.from({ length: Number(n) }, async () => {
    try {
      await recordFulfillmentEvent(db, actor, orderId!, { type: type as FulfilmentEventType, lines: [{ orderLineId: lineId!, quantity: 1 }] });
      return "OK";
    } catch (e) {
      return (e as { name?: string }).name === "DomainError" ? (e as { code: string }).code : `ERROR ${(e as Error).message}`;
    }
  }),
);
await db.$disconnect();
console.log(JSON.stringify(results));
