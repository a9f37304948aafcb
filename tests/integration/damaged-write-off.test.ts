import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { approveCancellationRequest } from "../../lib/modules/cancellations/server/decide-cancellation.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";

describe.each(engines())("damaged write-off from any warehouse stage on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 500);
  });
  afterAll(async () => {
    await f?.drop();
  });
  const supplyOf = () => f.db.inventorySupply.findFirstOrThrow({ where: { item: { sku: "SKU-MUG" }, location: { code: "DC-EAST" } } });
  const damagedCancel = (orderLineId: string, quantity: number) =>
    CreateCancellationRequest.parse({
      cancellationType: "BUSINESS_RULE",
      reasonCode: "DAMAGED_IN_WAREHOUSE",
      scope: { type: "LINES", lines: [{ orderLineId, quantity }] },
      damaged: true,
    });

  it("writes off damaged allocated units: on hand and allocated both go down", async () => {
    const order = await f.order({ quantity: 3 });
    const line = order.lines[0]!.id;
    const seller = await f.as("seller@demo.test");
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: line, quantity: 3 }] });
    const before = await supplyOf();
    const r = await createCancellationRequest(f.db, seller, order.id, damagedCancel(line, 2));
    expect(r.assessment.inventory).toMatchObject([{ stage: "ALLOCATED", type: "WRITE_OFF", quantity: 2 }]);
    expect(r.status).toBe("COMPLETED");
    const after = await supplyOf();
    expect([after.onHand, after.allocated]).toEqual([before.onHand - 2, before.allocated - 2]);
    const ledger = await f.db.quantityLedgerEntry.findMany({ where: { orderLineId: line, toBucket: "CANCELLED" } });
    expect(ledger).toMatchObject([{ fromBucket: "ALLOCATED", quantity: 2 }]);
    await f.assertConsistent();
  });

  it("writes off damaged released units once approved (the recall task stays open)", async () => {
    const order = await f.order({ quantity: 2 });
    const line = order.lines[0]!.id;
    const seller = await f.as("seller@demo.test");
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", toStage: "RELEASED", lines: [{ orderLineId: line, quantity: 2 }] });
    const before = await supplyOf();
    const r = await createCancellationRequest(f.db, seller, order.id, damagedCancel(line, 1));
    expect(r.assessment.inventory).toMatchObject([{ stage: "RELEASED", type: "WRITE_OFF", quantity: 1 }]);
    const done = r.status === "COMPLETED" ? r : await approveCancellationRequest(f.db, await f.as("manager@demo.test"), order.id, r.id, {});
    // The units are cancelled and written off; the manual recall from the warehouse is still open.
    expect(done.status).toBe("EXECUTING");
    expect(done.lines[0]).toMatchObject({ cancelledQuantity: 1 });
    const after = await supplyOf();
    expect([after.onHand, after.allocated]).toEqual([before.onHand - 1, before.allocated - 1]);
    await f.assertConsistent();
  });

  it("takes the units from the stage the request names, leaving less progressed ones, and refuses more than it holds", async () => {
    const order = await f.order({ quantity: 4 });
    const line = order.lines[0]!.id;
    const seller = await f.as("seller@demo.test");
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", toStage: "PICKED", lines: [{ orderLineId: line, quantity: 2 }] });
    const fromPicked = (quantity: number) =>
      CreateCancellationRequest.parse({
        cancellationType: "BUSINESS_RULE",
        reasonCode: "DAMAGED_IN_WAREHOUSE",
        scope: { type: "LINES", lines: [{ orderLineId: line, quantity, stage: "PICKED" }] },
        damaged: true,
      });
    const refused = await createCancellationRequest(f.db, seller, order.id, fromPicked(3)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "INSUFFICIENT_QUANTITY" });
    expect(await f.db.cancellationRequest.count({ where: { orderId: order.id } })).toBe(0);

    const r = await createCancellationRequest(f.db, seller, order.id, fromPicked(1));
    expect(r.lines[0]!.byStage).toEqual({ picked: 1 });
    expect(r.assessment.inventory).toMatchObject([{ stage: "PICKED", type: "WRITE_OFF", quantity: 1 }]);
    const done = r.status === "PENDING_APPROVAL" ? await approveCancellationRequest(f.db, await f.as("manager@demo.test"), order.id, r.id, {}) : r;
    expect(done.lines[0]).toMatchObject({ cancelledQuantity: 1 });
    const after = await f.db.orderLine.findUniqueOrThrow({ where: { id: line } });
    expect([after.qtyOpen, after.qtyPicked, after.qtyCancelled]).toEqual([2, 1, 1]);
    const ledger = await f.db.quantityLedgerEntry.findMany({ where: { orderLineId: line, toBucket: "CANCELLED" } });
    expect(ledger).toMatchObject([{ fromBucket: "PICKED", quantity: 1 }]);
    await f.assertConsistent();
  });
});
