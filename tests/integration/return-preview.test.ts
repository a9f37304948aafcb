// The refund preview of a return (SPEC §7): the same checks and figures the return would get,
// nothing stored and the order's version unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { CreateReturn } from "../../lib/modules/returns/contracts/returns.ts";
import { createReturn } from "../../lib/modules/returns/server/create-return.ts";
import { previewReturn } from "../../lib/modules/returns/server/preview-return.ts";

describe.each(engines())("return preview on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 1000);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const ship = async (orderId: string, lineId: string, quantity: number) => {
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"] as const) await recordFulfillmentEvent(f.db, seller, orderId, { type, lines: [{ orderLineId: lineId, quantity }] });
  };
  const returnOf = (lines: { orderLineId: string; quantity: number }[], reasonCode = "WRONG_ITEM") => CreateReturn.parse({ reasonCode, lines });
  const stored = async (orderId: string) => ({
    returns: await f.db.returnOrder.count({ where: { originalOrderId: orderId } }),
    holds: await f.db.orderLineHold.count({ where: { orderId } }),
    version: (await f.db.order.findUniqueOrThrow({ where: { id: orderId } })).version,
  });

  it("shows the refund per line and per tender that the return then gets, storing nothing", async () => {
    const o = await f.order({ lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: 999, taxAmount: 100, shipFromLocationCode: "DC-EAST" }], payments: [{ method: "CARD", amount: 3097 }] });
    const l = o.lines[0]!;
    await ship(o.id, l.id, 2);
    const buyer = await f.as("buyer@demo.test");
    const before = await stored(o.id);
    const preview = await previewReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 2 }]));
    expect(preview.lines).toMatchObject([{ orderLineId: l.id, quantity: 2, byStage: { SHIPPED: 2 } }]);
    expect(preview.refund.byTender.map((t) => [t.method, t.amount])).toEqual([["CARD", preview.refund.total]]);
    expect(await stored(o.id)).toEqual(before);

    const r = await createReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 2 }]));
    const row = await f.db.returnOrder.findUniqueOrThrow({ where: { id: r.id }, include: { lines: true } });
    expect(row.refundTotal).toBe(preview.refund.total);
    expect(row.lines.map((x) => x.refundTotal)).toEqual([preview.lines[0]!.refund.total]);
  });

  it("refuses what the return would refuse, with the same codes, and stores nothing", async () => {
    const o = await f.order({ quantity: 3 });
    const l = o.lines[0]!;
    const buyer = await f.as("buyer@demo.test");
    expect(await outcome(() => previewReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 1 }])))).toBe("INSUFFICIENT_QUANTITY");
    await ship(o.id, l.id, 1);
    const before = await stored(o.id);
    expect(await outcome(() => previewReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 2 }])))).toBe("INSUFFICIENT_QUANTITY");
    expect(await outcome(() => previewReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 1 }], "CUSTOMER_CHANGED_MIND")))).toBe("VALIDATION_FAILED");
    expect(await outcome(() => previewReturn(f.db, buyer, o.id, returnOf([{ orderLineId: "nope", quantity: 1 }])))).toBe("NOT_FOUND");
    expect(await outcome(async () => previewReturn(f.db, await f.as("buyer2@demo.test"), o.id, returnOf([{ orderLineId: l.id, quantity: 1 }])))).toBe("NOT_FOUND");
    expect(await stored(o.id)).toEqual(before);
    // Units another return holds are not returnable in the preview either.
    const r = await createReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 1 }]));
    expect(await outcome(() => previewReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 1 }])))).toBe("INSUFFICIENT_QUANTITY");
    expect(await outcome(() => previewReturn(f.db, buyer, r.orderId, returnOf([{ orderLineId: l.id, quantity: 1 }])))).toBe("CONFLICT");
  });
});
