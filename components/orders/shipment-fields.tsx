"use client";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";

type Errors = Record<string, string | undefined>;

/**
 * The optional shipment details that go with units being shipped: carrier, the packages (box size
 * and weight in kg) and packing notes. Uncontrolled: the parent remounts it (key) for a new order
 * version. Field names are read by lib/ui/shipment-form.ts; messages come back under the same keys.
 */
export function ShipmentFields({ id, errors }: { id: string; errors: Errors }) {
  const [rows, setRows] = useState(1);
  return (
    <fieldset className="w-full space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">
        Shipment <span className="font-normal text-slate-500">(optional)</span>
      </legend>
      <div className="max-w-xs">
        <label htmlFor={`${id}-carrier`} className={labelClass}>
          Carrier
        </label>
        <input id={`${id}-carrier`} name="carrier" type="text" maxLength={60} autoComplete="off" placeholder="e.g. UPS" aria-invalid={errors.carrier ? true : undefined} className={`${inputClass} mt-1`} />
        <FieldError id={`${id}-carrier-error`} message={errors.carrier} />
      </div>
      <div className="space-y-2">
        {Array.from({ length: rows }, (_, i) => (
          <PackageRow key={i} id={`${id}-pkg-${i}`} index={i} errors={errors} />
        ))}
        <div className="flex flex-wrap gap-2">
          {rows < 20 && (
            <button type="button" onClick={() => setRows(rows + 1)} className={buttonClass("secondary", "sm")}>
              Add package
            </button>
          )}
          {rows > 1 && (
            <button type="button" onClick={() => setRows(rows - 1)} className={buttonClass("secondary", "sm")}>
              Remove last package
            </button>
          )}
        </div>
        <FieldError id={`${id}-packages-error`} message={errors.packages} />
      </div>
      <div>
        <label htmlFor={`${id}-notes`} className={labelClass}>
          Packing notes <span className="font-normal text-slate-500">(not shown to the buyer)</span>
        </label>
        <textarea id={`${id}-notes`} name="shipmentNotes" rows={2} maxLength={1000} aria-invalid={errors.shipmentNotes ? true : undefined} className={`${inputClass} mt-1`} />
        <FieldError id={`${id}-notes-error`} message={errors.shipmentNotes} />
      </div>
    </fieldset>
  );
}

function PackageRow({ id, index, errors }: { id: string; index: number; errors: Errors }) {
  const boxError = errors[`packages.${index}.boxSize`];
  const weightError = errors[`packages.${index}.weightGrams`];
  return (
    <div className="grid grid-cols-2 gap-2 sm:max-w-md">
      <div className="min-w-0">
        <label htmlFor={`${id}-box`} className={labelClass}>
          Package {index + 1} box size
        </label>
        <input id={`${id}-box`} name="packageBoxSize" type="text" maxLength={40} autoComplete="off" placeholder="e.g. M" aria-invalid={boxError ? true : undefined} className={`${inputClass} mt-1`} />
        <FieldError id={`${id}-box-error`} message={boxError} />
      </div>
      <div className="min-w-0">
        <label htmlFor={`${id}-weight`} className={labelClass}>
          Weight (kg)
        </label>
        <input id={`${id}-weight`} name="packageWeightKg" type="text" inputMode="decimal" autoComplete="off" placeholder="e.g. 1.2" aria-invalid={weightError ? true : undefined} className={`${inputClass} mt-1`} />
        <FieldError id={`${id}-weight-error`} message={weightError} />
      </div>
    </div>
  );
}

/** The field keys ShipmentFields shows messages for (a form lists the rest in its error summary). */
export function isShipmentField(key: string): boolean {
  return key === "carrier" || key === "shipmentNotes" || key === "packages" || /^packages\.\d+\.(boxSize|weightGrams)$/.test(key);
}
