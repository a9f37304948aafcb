import type { FieldErrors } from "@/lib/platform/actions/action-result";
import { Alert } from "@/components/ui/alert";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";
import type { CancelFormLine } from "./cancel-form-lines";

/** The "Items" section of the buyer's cancel form: the whole-order switch and a quantity per line. */
export function CancelItemsSection({
  id,
  lines,
  errors,
  wholeOrder,
  onWholeOrderChange,
  quantities,
  onQuantityChange,
}: {
  id: string;
  lines: CancelFormLine[];
  errors: FieldErrors;
  wholeOrder: boolean;
  onWholeOrderChange: (wholeOrder: boolean) => void;
  quantities: Record<string, string>;
  onQuantityChange: (lineId: string, value: string) => void;
}) {
  return (
    <section aria-labelledby={`${id}-items`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 id={`${id}-items`} className="text-base font-semibold text-slate-900">
          Items
        </h2>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            name="wholeOrder"
            checked={wholeOrder}
            onChange={(e) => onWholeOrderChange(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300 text-indigo-600"
          />
          Cancel the whole order
        </label>
      </div>
      <ul className="divide-y divide-slate-100 px-4">
        {lines.map((line) => (
          <CancelLineItem
            key={line.id}
            id={id}
            line={line}
            fieldError={errors[`qty:${line.id}`]}
            value={wholeOrder ? String(line.outstanding) : (quantities[line.id] ?? "0")}
            disabled={wholeOrder}
            onChange={(value) => onQuantityChange(line.id, value)}
          />
        ))}
      </ul>
      {errors.lines && (
        <div className="px-4 pb-4">
          <Alert tone="error">
            <span id={`${id}-lines-error`}>{errors.lines}</span>
          </Alert>
        </div>
      )}
    </section>
  );
}

/** One line: what it is, where its units are, and (while anything is left) the quantity to cancel. */
function CancelLineItem(props: {
  id: string;
  line: CancelFormLine;
  fieldError: string | undefined;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  const { id, line, fieldError } = props;
  const done = line.outstanding === 0;
  return (
    <li className="flex flex-wrap items-start justify-between gap-4 py-4">
      <div className="min-w-0">
        <h3 className="font-medium text-slate-900">{line.itemName}</h3>
        <p className="text-sm text-slate-600">
          <span className="font-mono text-xs">{line.sku}</span> · {line.priceText}
        </p>
        <p className="mt-0.5 text-xs text-slate-500">
          {done ? "Nothing left to cancel." : `Now: ${line.stages}.`}
          {!done && line.inPlace < line.outstanding && <> {line.outstanding - line.inPlace} already shipped: those can only be returned.</>}
        </p>
      </div>
      {!done && (
        <div className="w-36">
          <label htmlFor={`${id}-${line.id}`} className={labelClass}>
            Cancel quantity<span className="sr-only"> for {line.sku}</span>
          </label>
          <input
            id={`${id}-${line.id}`}
            name={`qty:${line.id}`}
            type="number"
            inputMode="numeric"
            min={0}
            max={line.outstanding}
            step={1}
            disabled={props.disabled}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={`${id}-${line.id}-hint${fieldError ? ` ${id}-${line.id}-error` : ""}`}
            className={`${inputClass} mt-1`}
          />
          <FieldHint id={`${id}-${line.id}-hint`}>0–{line.outstanding}</FieldHint>
          <FieldError id={`${id}-${line.id}-error`} message={fieldError} />
        </div>
      )}
    </li>
  );
}

/** The "Why are you cancelling?" section (or another title, e.g. for a return): a reason code and optional free text. */
export function CancelReasonSection({
  id,
  reasons,
  errors,
  title = "Why are you cancelling?",
}: {
  id: string;
  reasons: { code: string; label: string }[];
  errors: FieldErrors;
  title?: string;
}) {
  return (
    <section aria-labelledby={`${id}-why`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-why`} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <div className="max-w-sm">
        <label htmlFor={`${id}-reason`} className={labelClass}>
          Reason
        </label>
        <select
          id={`${id}-reason`}
          name="reasonCode"
          defaultValue=""
          aria-invalid={errors.reasonCode ? true : undefined}
          aria-describedby={errors.reasonCode ? `${id}-reason-error` : undefined}
          className={`${inputClass} mt-1 pr-8`}
        >
          <option value="">Choose a reason…</option>
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-reason-error`} message={errors.reasonCode} />
      </div>
      <div className="max-w-xl">
        <label htmlFor={`${id}-text`} className={labelClass}>
          Anything else we should know? <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <textarea
          id={`${id}-text`}
          name="reasonText"
          rows={2}
          maxLength={2000}
          aria-invalid={errors.reasonText ? true : undefined}
          aria-describedby={errors.reasonText ? `${id}-text-error` : undefined}
          className={`${inputClass} mt-1`}
        />
        <FieldError id={`${id}-text-error`} message={errors.reasonText} />
      </div>
    </section>
  );
}
