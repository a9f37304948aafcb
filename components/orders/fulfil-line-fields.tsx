import type { FulfilmentStep } from "@/lib/ui/fulfilment";
import { cn } from "@/components/ui/cn";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";

/** The step to record: stated when only one is possible, else a choice of the possible ones. */
export function StepChoice(props: { id: string; sku: string; steps: FulfilmentStep[]; step: FulfilmentStep; error: string | undefined; onChoose: (step: FulfilmentStep) => void }) {
  const { id, sku, steps, step } = props;
  if (steps.length === 1) {
    return (
      <p className="text-sm text-slate-700">
        <input type="hidden" name="type" value={step.type} />
        Next step: <span className="font-semibold">{step.verb}</span>{" "}
        <span className="text-slate-500">
          ({step.available} {step.fromLabel} → {step.toLabel})
        </span>
      </p>
    );
  }
  return (
    <fieldset>
      <legend className={labelClass}>
        Next step <span className="sr-only">for {sku}</span>
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
            <input type="radio" name="type" value={s.type} checked={s.type === step.type} onChange={() => props.onChoose(s)} className="h-4 w-4 text-indigo-600" />
            {s.verb}
            <span className="text-xs text-slate-500">
              {s.available} {s.fromLabel}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-type-error`} message={props.error} />
    </fieldset>
  );
}

/** How many units take the step: 1 up to what its source bucket holds. */
export function StepQuantityField(props: { id: string; sku: string; step: FulfilmentStep; value: string; onChange: (value: string) => void; error: string | undefined }) {
  const { id, step, error } = props;
  return (
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
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-label={`Quantity for ${props.sku}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-quantity-hint${error ? ` ${id}-quantity-error` : ""}`}
        className={`${inputClass} mt-1`}
      />
      <FieldHint id={`${id}-quantity-hint`}>
        1–{step.available} {step.fromLabel}
      </FieldHint>
      <FieldError id={`${id}-quantity-error`} message={error} />
    </div>
  );
}

/** The optional tracking number of a shipment. */
export function TrackingNumberField(props: { id: string; sku: string; value: string; onChange: (value: string) => void; error: string | undefined }) {
  const { id, error } = props;
  return (
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
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-label={`Tracking number for ${props.sku}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-tracking-error` : undefined}
        className={`${inputClass} mt-1`}
      />
      <FieldError id={`${id}-tracking-error`} message={error} />
    </div>
  );
}
