import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { eventDefinition, storedPayloadSchema } from "../../lib/modules/audit/contracts/events.ts";
import { addOrderNote } from "../../lib/modules/orders/server/add-order-note.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { lockOrder, recordOrderCommand } from "../../lib/modules/orders/server/order-command.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { approveCancellationRequest } from "../../lib/modules/cancellations/server/decide-cancellation.ts";
import { completeCompensationTask } from "../../lib/modules/compensation/server/compensation-tasks.ts";
import { adjustInventory } from "../../lib/modules/inventory/server/adjust-inventory.ts";
import { appendEvents, InvalidOutboxEvent, type DomainEvent } from "../../lib/modules/audit/server/audit.ts";
import { inTransaction } from "../../lib/platform/db/tx.ts";

describe.each(engines())("outbox events on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 200);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("every row a cancellation's life writes parses against the catalog and carries its version", async () => {
    const order = await f.order({ quantity: 5 });
    const line = order.lines[0]!.id;
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE"] as const) await recordFulfillmentEvent(f.db, seller, order.id, { type, lines: [{ orderLineId: line, quantity: 5 }] });
    const request = await createCancellationRequest(
      f.db,
      seller,
      order.id,
      CreateCancellationRequest.parse({ cancellationType: "INVENTORY_SHORTAGE", reasonCode: "OUT_OF_STOCK", scope: { type: "LINES", lines: [{ orderLineId: line, quantity: 2 }] } }),
    );
    expect(request.status).toBe("PENDING_APPROVAL");
    const approved = await approveCancellationRequest(f.db, await f.as("supervisor@demo.test"), order.id, request.id, { comment: "ok" });
    const recall = approved.compensationTasks.find((t) => t.type === "RECALL_FROM_WAREHOUSE")!;
    await completeCompensationTask(f.db, seller, recall.id, { evidence: "Picked back from wave 7" });

    const rows = await f.db.outboxEvent.findMany({ where: { orderId: order.id }, orderBy: { sequence: "asc" } });
    const types = rows.map((r) => r.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "OrderCreated",
        "OrderFulfillmentProgressed",
        "OrderCancellationRequested",
        "OrderCancellationAssessed",
        "OrderCancellationApproved",
        "OrderLineCancellationProcessed",
        "PaymentRefundProcessed",
        "CompensationTaskCompleted",
        "CancellationCompleted",
      ]),
    );
    expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) {
      const def = eventDefinition(row.type);
      expect(def, row.type).toBeDefined();
      expect(row.aggregateType).toBe(def!.aggregate);
      const parsed = storedPayloadSchema(def!).safeParse(row.payload);
      expect(parsed.error, `${row.type} #${row.sequence}`).toBeUndefined();
      expect(row.payload).toMatchObject({ eventVersion: def!.version, orderId: order.id, actorId: row.actorId });
    }
    const requested = rows.find((r) => r.type === "OrderCancellationRequested")!.payload as Record<string, unknown>;
    expect(requested).toMatchObject({ cancellationRequestId: request.id, number: request.number, cancellationType: "INVENTORY_SHORTAGE", eventVersion: 1 });
    const processed = rows.find((r) => r.type === "OrderLineCancellationProcessed")!.payload as Record<string, unknown>;
    expect(processed).toMatchObject({ orderLineId: line, cancelledQuantity: 2, byStage: { RELEASED: 2 }, refund: { total: 4400 } });
  });

  it("rows of other aggregates carry the version too", async () => {
    const ops = await f.as("ops@demo.test");
    await adjustInventory(f.db, ops, { sku: "SKU-MUG", locationCode: "DC-EAST", quantity: 7, reason: "RECEIPT" });
    const row = await f.db.outboxEvent.findFirstOrThrow({ where: { type: "InventoryAdjusted" }, orderBy: { createdAt: "desc" } });
    expect(row.aggregateType).toBe("InventorySupply");
    expect(storedPayloadSchema(eventDefinition("InventoryAdjusted")!).safeParse(row.payload).error).toBeUndefined();
    expect(row.payload).toMatchObject({ sku: "SKU-MUG", quantity: 7, eventVersion: 1, actorId: ops.userId });
  });

  it("an uncatalogued type, a payload its schema refuses or the wrong aggregate fails the command and writes nothing", async () => {
    const order = await f.order({ quantity: 1 });
    const seller = await f.as("seller@demo.test");
    const before = async () => ({
      events: await f.db.outboxEvent.count(),
      history: await f.db.orderHistory.count({ where: { orderId: order.id } }),
      order: await f.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { version: true, eventSequence: true } }),
    });
    const start = await before();
    const attempts: DomainEvent[] = [
      { type: "OrderNoteAded", payload: { noteId: "n1", visibility: "INTERNAL", notifyCustomer: false } } as unknown as DomainEvent,
      { type: "OrderNoteAdded", payload: { visibility: "INTERNAL", notifyCustomer: false } } as unknown as DomainEvent,
      { type: "OrderNoteAdded", payload: { noteId: "n1", visibilty: "INTERNAL", notifyCustomer: false } } as unknown as DomainEvent,
    ];
    for (const event of attempts) {
      const run = inTransaction(f.db, async (tx) => {
        const locked = await lockOrder(tx, order.id, {});
        await recordOrderCommand(tx, seller, locked, { action: "NOTE_ADDED", description: "note" }, [event]);
      });
      await expect(run).rejects.toBeInstanceOf(InvalidOutboxEvent);
    }
    const wrongAggregate = inTransaction(f.db, (tx) =>
      appendEvents(tx, seller, { type: "PointsAccount", id: "acct" }, 1, [{ type: "OrderNoteAdded", payload: { orderId: order.id, orderVersion: 1, noteId: "n1", visibility: "INTERNAL", notifyCustomer: false } }]),
    );
    await expect(wrongAggregate).rejects.toThrow(/belongs to Order aggregates, not PointsAccount/);
    expect(await before()).toEqual(start);
    // The same command with a catalogued event goes through.
    await addOrderNote(f.db, seller, order.id, { body: "hello", visibility: "CUSTOMER", notifyCustomer: false });
    const note = await f.db.outboxEvent.findFirstOrThrow({ where: { orderId: order.id, type: "OrderNoteAdded" } });
    expect(note.payload).toMatchObject({ visibility: "CUSTOMER", eventVersion: 1, orderVersion: start.order.version + 1 });
  });
});
