// The shipment details of the seller's fulfil forms: form fields → the `shipment` of a
// fulfilment event (weights typed in kilograms, sent in grams), and messages back to the fields.
import type { z } from "zod";
import { kilogramsToGrams } from "@/lib/modules/orders/domain/shipments";
import { friendlyErrors } from "@/lib/platform/actions/action-result";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};

/** A typed weight: grams when it reads as a positive number of kilograms, else the text as typed (the schema reports it). */
function weightOf(typed: string): number | string | undefined {
  if (typed === "") return undefined;
  return kilogramsToGrams(typed) ?? typed;
}

/** The shipment details the form holds, or undefined when none were given (the event then records a plain shipment). */
export function shipmentFromForm(form: FormData) {
  const boxes = form.getAll("packageBoxSize").map((v) => String(v).trim());
  const weights = form.getAll("packageWeightKg").map((v) => String(v).trim());
  const packages = boxes.flatMap((boxSize, i) => (boxSize || weights[i] ? [{ boxSize, weightGrams: weightOf(weights[i] ?? "") }] : []));
  const shipment = { carrier: text(form, "carrier"), notes: text(form, "shipmentNotes"), packages: packages.length ? packages : undefined };
  return Object.values(shipment).some((v) => v !== undefined) ? shipment : undefined;
}

/** Where a message about the event's input shows: `lines.0.quantity`, `packages.0.weightGrams`, `carrier`, `shipmentNotes`, or the field itself. */
export function fulfilmentField(path: string): string | undefined {
  const dotted = path.replace(/\[(\d+)\]/g, ".$1");
  if (dotted.startsWith("lines")) return dotted;
  if (dotted.startsWith("shipment.packages")) return dotted.slice("shipment.".length);
  if (dotted === "shipment.notes") return "shipmentNotes";
  return dotted.split(".").pop();
}

/** The one-line form: every message about the line belongs next to its quantity (or step) field. */
export function oneLineFulfilmentField(path: string): string | undefined {
  return path.startsWith("lines") ? path.replace(/\[(\d+)\]/g, ".$1").split(".").pop() : fulfilmentField(path);
}

/** A weight typed that is no number of kilograms reads as such, not as "a whole number" (grams are the API's unit). */
export const fulfilmentErrors: z.core.$ZodErrorMap = (issue) =>
  issue.path?.at(-1) === "weightGrams" && issue.code === "invalid_type" ? "Enter the weight in kg, such as 1.2" : friendlyErrors(issue);
