import { describe, expect, it } from "vitest";
import { amendmentFieldOf, amendmentFromForm } from "./amendment-form.ts";

const CURRENT = {
  shippingAddress: { name: "Bo", line1: "1 Main St", line2: null, city: "Oakland", region: "CA", postalCode: "94621", country: "US" },
  contact: { name: "Bo", email: "bo@example.test", phone: null },
  deliveryNote: null,
  deliveryWindow: { from: "2030-05-01T08:00:30.000Z", to: "2030-05-01T12:00:00.000Z" },
};

function formOf(edits: Record<string, string> = {}) {
  const form = new FormData();
  form.set("current", JSON.stringify(CURRENT));
  form.set("reasonCode", "CUSTOMER_REQUEST");
  const a = CURRENT.shippingAddress;
  const values: Record<string, string> = {
    "shippingAddress.name": a.name,
    "shippingAddress.line1": a.line1,
    "shippingAddress.line2": "",
    "shippingAddress.city": a.city,
    "shippingAddress.region": a.region,
    "shippingAddress.postalCode": a.postalCode,
    "shippingAddress.country": a.country,
    "contact.name": "Bo",
    "contact.email": "bo@example.test",
    "contact.phone": "",
    "deliveryWindow.from": "2030-05-01T08:00",
    "deliveryWindow.to": "2030-05-01T12:00",
    deliveryNote: "",
    ...edits,
  };
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

describe("the change-delivery-details form as amendment changes", () => {
  it("an untouched form changes nothing (blank optional parts equal null, a window shown to the minute keeps its seconds)", () => {
    expect(amendmentFromForm(formOf()).changes).toEqual([]);
  });

  it("one change per edited section, naming the old value the page showed", () => {
    const { changes, sections } = amendmentFromForm(formOf({ "shippingAddress.postalCode": "94622", deliveryNote: " Ring twice " }));
    expect(sections).toEqual(["shippingAddress", "deliveryNote"]);
    expect(changes).toEqual([
      { path: "/shippingAddress", op: "REPLACE", oldValue: CURRENT.shippingAddress, newValue: { ...CURRENT.shippingAddress, postalCode: "94622" } },
      { path: "/deliveryNote", op: "REPLACE", oldValue: null, newValue: "Ring twice" },
    ]);
  });

  it("a new window is UTC to the minute; a cleared section is null", () => {
    const { changes } = amendmentFromForm(formOf({ "deliveryWindow.from": "2030-05-02T09:00", "deliveryWindow.to": "2030-05-02T11:30", "contact.name": "", "contact.email": "" }));
    expect(changes).toContainEqual({ path: "/deliveryWindow", op: "REPLACE", oldValue: CURRENT.deliveryWindow, newValue: { from: "2030-05-02T09:00:00.000Z", to: "2030-05-02T11:30:00.000Z" } });
    expect(changes).toContainEqual({ path: "/contact", op: "REPLACE", oldValue: CURRENT.contact, newValue: null });
  });

  it("rule messages land on the input that shows the value", () => {
    const raw = { sections: ["contact", "shippingAddress"] as const };
    expect(amendmentFieldOf("changes[1].newValue.postalCode", { sections: [...raw.sections] })).toBe("shippingAddress.postalCode");
    expect(amendmentFieldOf("changes[0].newValue.email", { sections: [...raw.sections] })).toBe("contact.email");
    expect(amendmentFieldOf("changes", { sections: [] })).toBe("changes");
    expect(amendmentFieldOf("reasonCode", { sections: [] })).toBe("reasonCode");
  });

  it("line changes follow the order's sections, and the server's messages on them land on the line's input", () => {
    const form = formOf({ deliveryNote: "Gate code 42", "lines.L1.quantity": "3", "lines.L1.unitPrice": "18.00" });
    form.set("current", JSON.stringify({ ...CURRENT, lines: { L1: { lineNumber: 1, sku: "SKU-MUG", quantity: 2, unitPrice: 2000 } } }));
    const raw = amendmentFromForm(form);
    expect(raw.changes.map((c) => c.path)).toEqual(["/deliveryNote", "/lines/L1/quantity", "/lines/L1/unitPrice"]);
    expect(raw.sections).toEqual(["deliveryNote", "lines.L1.quantity", "lines.L1.unitPrice"]);
    expect(amendmentFieldOf("changes[1].newValue", raw)).toBe("lines.L1.quantity");
    expect(amendmentFieldOf("changes[2].oldValue", raw)).toBe("lines.L1.unitPrice");
    expect(amendmentFieldOf("changes[1].path", raw)).toBe("lines.L1.quantity");
    expect(amendmentFieldOf("changes[0].newValue", raw)).toBe("deliveryNote");
    expect(amendmentFieldOf("changes[7].newValue", raw)).toBe("changes");
  });

  it("a line input that holds no valid value is a field message, and no change", () => {
    const form = formOf({ "lines.L1.quantity": "0" });
    form.set("current", JSON.stringify({ ...CURRENT, lines: { L1: { lineNumber: 1, sku: "SKU-MUG", quantity: 2, unitPrice: 2000 } } }));
    const raw = amendmentFromForm(form);
    expect(raw.changes).toEqual([]);
    expect(Object.keys(raw.fieldErrors)).toEqual(["lines.L1.quantity"]);
  });
});
