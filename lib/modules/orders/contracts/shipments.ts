import { z } from "zod";

// Shipment records: what a SHIP fulfilment event may say about the shipment, and how one reads back.

export const ShipmentPackageInput = z.object({
  boxSize: z.string().trim().min(1, "say which box (a size such as M, or its dimensions)").max(40),
  weightGrams: z
    .number()
    .int("must be a whole number of grams")
    .positive("must be more than 0 g")
    .max(1_000_000, "must be at most 1,000 kg"),
});

export const ShipmentInput = z
  .object({
    number: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .optional()
      .describe("Add the units to this existing shipment of the order (same store and location) instead of recording a new one"),
    carrier: z.string().trim().min(1).max(60).optional(),
    notes: z.string().trim().min(1).max(1000).optional().describe("Packing notes for the store's staff; never shown to the buyer"),
    packages: z.array(ShipmentPackageInput).max(50, "at most 50 packages").optional(),
  })
  .describe("Only with SHIP (or a move on to SHIPPED or DELIVERED): details of the shipment the shipped units leave in. The tracking number is the event's `trackingNumber`")
  .meta({ id: "ShipmentInput" });
export type ShipmentInputT = z.infer<typeof ShipmentInput>;

const Time = z.string().nullable();

export const ShipmentView = z
  .object({
    id: z.string(),
    number: z.string(),
    storeCode: z.string(),
    locationCode: z.string(),
    assignee: z.string().nullable().describe("Who shipped it (their name)"),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    notes: z.string().nullable(),
    packages: z.array(z.object({ boxSize: z.string(), weightGrams: z.number().int() })),
    stages: z
      .object({ allocatedAt: Time, releasedAt: Time, pickedAt: Time, packedAt: Time, shippedAt: z.string(), deliveredAt: Time })
      .describe("When its units reached each stage (the latest of them); deliveredAt once every unit was delivered"),
    lines: z.array(
      z.object({ orderLineId: z.string(), lineNumber: z.number().int(), sku: z.string(), itemName: z.string(), quantity: z.number().int(), delivered: z.number().int() }),
    ),
  })
  .meta({ id: "Shipment" });
export type ShipmentViewT = z.infer<typeof ShipmentView>;
