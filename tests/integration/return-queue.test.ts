// The store's returns queue: returns waiting for their units, of the stores the actor works only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { CreateReturn, ReceiveReturn } from "../../lib/modules/returns/contracts/returns.ts";
import { createReturn } from "../../lib/modules/returns/server/create-return.ts";
import { approveReturn } from "../../lib/modules/returns/server/decide-return.ts";
import { receiveReturn } from "../../lib/modules/returns/server/receive-return.ts";
import { listReturnsAwaitingReceipt, returnOfOrder } from "../../lib/modules/returns/server/queries.ts";

describe.each(engines())("returns queue on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 1000);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const shippedOrder = async (quantity: number) => {
    const o = await f.order({ quantity });
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"] as const) await recordFulfillmentEvent(f.db, seller, o.id, { type, lines: [{ orderLineId: o.lines[0]!.id, quantity }] });
    return o;
  };

  it("lists the store's returns awaiting receipt, oldest first, until every unit is received; other stores see none", async () => {
    const buyer = await f.as("buyer@demo.test");
    const seller = await f.as("seller@demo.test");
    const o = await shippedOrder(2);
    const l = o.lines[0]!;
    const r = await createReturn(f.db, buyer, o.id, CreateReturn.parse({ reasonCode: "WRONG_ITEM", lines: [{ orderLineId: l.id, quantity: 2 }] }));
    const ids = async (email: string) => (await listReturnsAwaitingReceipt(f.db, await f.as(email))).items.map((x) => x.id);
    // Shipped units come back only after a director signs; until then nothing is awaited at the dock.
    expect(await ids("seller@demo.test")).not.toContain(r.id);
    await approveReturn(f.db, await f.as("director@demo.test"), r.id, {});
    expect(await ids("seller@demo.test")).toContain(r.id);
    expect(await ids("ops@demo.test")).toContain(r.id);
    expect(await ids("seller2@demo.test")).not.toContain(r.id);
    expect(await outcome(() => listReturnsAwaitingReceipt(f.db, buyer))).toBe("FORBIDDEN");

    await receiveReturn(f.db, seller, r.id, ReceiveReturn.parse({ lines: [{ orderLineId: l.id, quantity: 1, disposition: "RESTOCK" }] }));
    expect(await ids("seller@demo.test")).toContain(r.id);
    await receiveReturn(f.db, seller, r.id, ReceiveReturn.parse({ lines: [{ orderLineId: l.id, quantity: 1, disposition: "DAMAGED" }] }));
    expect((await f.db.returnOrder.findUniqueOrThrow({ where: { id: r.id } })).status).not.toBe("AWAITING_RECEIPT");
    expect(await ids("seller@demo.test")).not.toContain(r.id);
  });

  it("finds the return of a RETURN order for who may read the original, and nothing for other orders", async () => {
    const buyer = await f.as("buyer@demo.test");
    const o = await shippedOrder(1);
    const r = await createReturn(f.db, buyer, o.id, CreateReturn.parse({ reasonCode: "WRONG_ITEM", lines: [{ orderLineId: o.lines[0]!.id, quantity: 1 }] }));
    expect((await returnOfOrder(f.db, buyer, r.orderId))?.id).toBe(r.id);
    expect(await returnOfOrder(f.db, buyer, o.id)).toBeNull();
    expect(await outcome(async () => returnOfOrder(f.db, await f.as("buyer2@demo.test"), r.orderId))).toBe("NOT_FOUND");
  });
});
