import { describe, expect, it } from "vitest";
import { fulfilmentField, shipmentFromForm } from "./shipment-form";

const formOf = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("shipment details of the fulfil forms", () => {
  it("reads carrier, notes and packages, weights in kilograms to grams", () => {
    const form = formOf([
      ["carrier", " UPS "],
      ["shipmentNotes", "fragile"],
      ["packageBoxSize", "M"],
      ["packageWeightKg", "1,2"],
      ["packageBoxSize", ""],
      ["packageWeightKg", ""],
      ["packageBoxSize", "S"],
      ["packageWeightKg", "heavy"],
    ]);
    expect(shipmentFromForm(form)).toEqual({
      carrier: "UPS",
      notes: "fragile",
      packages: [
        { boxSize: "M", weightGrams: 1200 },
        { boxSize: "S", weightGrams: "heavy" },
      ],
    });
  });

  it("gives nothing when no detail was filled in", () => {
    expect(shipmentFromForm(formOf([["carrier", " "], ["packageBoxSize", ""], ["packageWeightKg", ""]]))).toBeUndefined();
  });

  it("puts messages next to their fields", () => {
    expect(fulfilmentField("lines[1].quantity")).toBe("lines.1.quantity");
    expect(fulfilmentField("shipment.packages[0].weightGrams")).toBe("packages.0.weightGrams");
    expect(fulfilmentField("shipment.carrier")).toBe("carrier");
    expect(fulfilmentField("shipment.notes")).toBe("shipmentNotes");
    expect(fulfilmentField("trackingNumber")).toBe("trackingNumber");
  });
});

describe("the one-line fulfil form", () => {
  it("shows line messages at its quantity field", async () => {
    const { oneLineFulfilmentField } = await import("./shipment-form");
    expect(oneLineFulfilmentField("lines[0].quantity")).toBe("quantity");
    expect(oneLineFulfilmentField("shipment.packages[1].boxSize")).toBe("packages.1.boxSize");
  });
});
