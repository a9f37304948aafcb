import type { FieldErrors } from "@/lib/platform/actions/action-result";
import { Alert } from "@/components/ui/alert";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";

export interface ReturnFormLine {
  id: string;
  sku: string;
  itemName: string;
  /** "2 × $20.00" */
  priceText: string;
  /** Shipped or delivered units (another open change may still hold some). */
  returnable: number;
}

/** The "Items" section of the return form: a quantity per line that has shipped units. */
export function ReturnItemsSection({ id, lines, errors }: { id: string; lines: ReturnFormLine[]; errors: FieldErrors }) {
  return (
    <section aria-labelledby={`${id}-items`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 id={`${id}-items`} className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        Items you received
      </h2>
      <ul className="divide-y divide-slate-100 px-4">
        {lines.map((line) => (
          <ReturnLineItem key={line.id} id={id} line={line} fieldError={errors[`qty:${line.id}`]} />
        ))}
      </ul>
      {errors.lines && (
        <div className="px-4 pb-4">
          <Alert tone="error">{errors.lines}</Alert>
        </div>
      )}
    </section>
  );
}

function ReturnLineItem({ id, line, fieldError }: { id: string; line: ReturnFormLine; fieldError: string | undefined }) {
  const input = `${id}-${line.id}`;
  return (
    <li className="flex flex-wrap items-start justify-between gap-4 py-4">
      <div className="min-w-0">
        <h3 className="font-medium text-slate-900">{line.itemName}</h3>
        <p className="text-sm text-slate-600">
          <span className="font-mono text-xs">{line.sku}</span> · {line.priceText}
        </p>
        <p className="mt-0.5 text-xs text-slate-500">{line.returnable} shipped or delivered.</p>
      </div>
      <div className="w-36">
        <label htmlFor={input} className={labelClass}>
          Return quantity<span className="sr-only"> for {line.sku}</span>
        </label>
        <input
          id={input}
          name={`qty:${line.id}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={line.returnable}
          step={1}
          defaultValue="0"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${input}-hint${fieldError ? ` ${input}-error` : ""}`}
          className={`${inputClass} mt-1`}
        />
        <FieldHint id={`${input}-hint`}>0–{line.returnable}</FieldHint>
        <FieldError id={`${input}-error`} message={fieldError} />
      </div>
    </li>
  );
}
