"use client";
import { useId, useState } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import type { FulfilmentStep } from "@/lib/ui/fulfilment";
import { useFormAction } from "@/components/ui/use-form-action";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

const SHOWN_FIELDS = ["quantity", "trackingNumber", "type"];

/**
 * One line's next fulfilment step: pick the step (only those whose source bucket holds units),
 * the quantity (1..available, default all) and, for SHIP, a tracking number. The order version
 * the page was rendered with goes along, so a stale page gets VERSION_MISMATCH instead of moving
 * units nobody looked at.
 */
export function FulfilLineForm({
  orderId,
  version,
  line,
  steps,
  action,
}: {
  orderId: string;
  version: number;
  line: { id: string; sku: string };
  steps: FulfilmentStep[];
  action: Action;
}) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const [selected, setSelected] = useState(steps[0]?.type);
  const [quantity, setQuantity] = useState(String(steps[0]?.available ?? 1));
  const [tracking, setTracking] = useState("");
  const [seenVersion, setSeenVersion] = useState(version);
  const [sentVersion, setSentVersion] = useState<number | null>(null);

  // The order changed (this form's action or anyone else's): start from the new quantities.
  if (seenVersion !== version) {
    setSeenVersion(version);
    const next = steps.find((s) => s.type === selected) ?? steps[0];
    setSelected(next?.type);
    setQuantity(String(next?.available ?? 1));
    setTracking("");
  }

  const step = steps.find((s) => s.type === selected) ?? steps[0];
  // An error belongs to the version it was made against; after a reload it no longer applies.
  const error = state && !state.ok && sentVersion === version ? state : null;
  const errors = error?.fieldErrors ?? {};
  const other = Object.entries(errors).filter(([k]) => !SHOWN_FIELDS.includes(k));

  if (!step) {
    return (
      <div className="text-sm text-slate-600">
        <p>No further fulfilment steps for this line.</p>
        {state?.ok && (
          <p role="status" className="mt-1 text-emerald-700">
            {state.message}
          </p>
        )}
      </div>
    );
  }

  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        setSentVersion(version);
        onSubmit(e);
      }}
      noValidate
      aria-label={`Fulfil ${line.sku}`}
      className="space-y-3"
    >
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="orderLineId" value={line.id} />
      {steps.length === 1 ? (
        <p className="text-sm text-slate-700">
          <input type="hidden" name="type" value={step.type} />
          Next step: <span className="font-semibold">{step.verb}</span>{" "}
          <span className="text-slate-500">
            ({step.available} {step.fromLabel} → {step.toLabel})
          </span>
        </p>
      ) : (
        <fieldset>
          <legend className={labelClass}>
            Next step <span className="sr-only">for {line.sku}</span>
          </legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {steps.map((s) => (
              <label
                key={s.type}
                className={cn(
                  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-1.5 text-sm ring-1 ring-inset",
                  s.type === step.type ? "bg-indigo-50 text-indigo-900 ring-indigo-400" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
                )}
              >
                <input
                  type="radio"
                  name="type"
                  value={s.type}
                  checked={s.type === step.type}
                  onChange={() => {
                    setSelected(s.type);
                    setQuantity(String(s.available));
                  }}
                  className="h-4 w-4 text-indigo-600"
                />
                {s.verb}
                <span className="text-xs text-slate-500">
                  {s.available} {s.fromLabel}
                </span>
              </label>
            ))}
          </div>
          <FieldError id={`${id}-type-error`} message={errors.type} />
        </fieldset>
      )}
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-28">
          <label htmlFor={`${id}-quantity`} className={labelClass}>
            Quantity
          </label>
          <input
            id={`${id}-quantity`}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={step.available}
            step={1}
            required
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            aria-label={`Quantity for ${line.sku}`}
            aria-invalid={errors.quantity ? true : undefined}
            aria-describedby={`${id}-quantity-hint${errors.quantity ? ` ${id}-quantity-error` : ""}`}
            className={`${inputClass} mt-1`}
          />
          <FieldHint id={`${id}-quantity-hint`}>
            1–{step.available} {step.fromLabel}
          </FieldHint>
          <FieldError id={`${id}-quantity-error`} message={errors.quantity} />
        </div>
        {step.type === "SHIP" && (
          <div className="w-full max-w-xs sm:w-64">
            <label htmlFor={`${id}-tracking`} className={labelClass}>
              Tracking number <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <input
              id={`${id}-tracking`}
              name="trackingNumber"
              type="text"
              maxLength={100}
              autoComplete="off"
              value={tracking}
              onChange={(e) => setTracking(e.target.value)}
              aria-label={`Tracking number for ${line.sku}`}
              aria-invalid={errors.trackingNumber ? true : undefined}
              aria-describedby={errors.trackingNumber ? `${id}-tracking-error` : undefined}
              className={`${inputClass} mt-1`}
            />
            <FieldError id={`${id}-tracking-error`} message={errors.trackingNumber} />
          </div>
        )}
        <div className="pt-6">
          <button type="submit" disabled={pending} aria-label={`${step.verb} ${line.sku}`} className={buttonClass("primary", "md")}>
            {pending ? "Saving…" : step.verb}
          </button>
        </div>
        <div aria-live="polite" className="pt-8 text-sm text-emerald-700">
          {state?.ok && !error && state.message}
        </div>
      </div>
      {error && <ActionErrorAlert error={error} unshown={other} />}
    </form>
  );
}
