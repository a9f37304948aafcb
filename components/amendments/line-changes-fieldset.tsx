import Link from "next/link";
import { formatMoney } from "@/lib/platform/money/money";
import { lineInputDefault, lineInputName, type ChangeableLine, type LinePart } from "@/lib/ui/line-amendment-form";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";

type Errors = Record<string, string | undefined>;

interface Props {
  id: string;
  lines: ChangeableLine[];
  /** What this page may change of a line: the buyer only the quantity, the seller all three. */
  parts: readonly LinePart[];
  currency: string;
  /** Where to cancel a line entirely instead. */
  cancelHref: string;
  errors: Errors;
}

const WORDS: Readonly<Record<LinePart, { label: string; hint?: string }>> = {
  quantity: { label: "Quantity" },
  sku: { label: "Item (SKU)", hint: "The SKU to send instead." },
  unitPrice: { label: "Unit price", hint: "In the order's currency, e.g. 18.00." },
};

function LineInput({ id, line, part, currency, errors }: { id: string; line: ChangeableLine; part: LinePart; currency: string; errors: Errors }) {
  const name = lineInputName(line.id, part);
  const inputId = `${id}-${name}`;
  const error = errors[name];
  const label = `${WORDS[part].label} of line ${line.lineNumber} (${line.sku})`;
  const hint = WORDS[part].hint;
  return (
    <div>
      <label htmlFor={inputId} className={labelClass}>
        <span className="sr-only">{label}</span>
        <span aria-hidden="true">
          {WORDS[part].label}
          {part === "unitPrice" ? ` (${currency})` : ""}
        </span>
      </label>
      <input
        id={inputId}
        name={name}
        defaultValue={lineInputDefault(line, part)}
        inputMode={part === "quantity" ? "numeric" : part === "unitPrice" ? "decimal" : undefined}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined}
        className={inputClass}
      />
      {hint && !error && <FieldHint id={`${inputId}-hint`}>{hint}</FieldHint>}
      <FieldError id={`${inputId}-error`} message={error} />
    </div>
  );
}

function LineRow({ id, line, parts, currency, errors }: Omit<Props, "lines" | "cancelHref"> & { line: ChangeableLine }) {
  return (
    <li className="space-y-3 py-3" aria-label={`Line ${line.lineNumber}: ${line.sku}`}>
      <p className="text-sm">
        <span className="font-medium text-slate-900">{line.itemName}</span> <span className="text-slate-500">· {line.sku}</span>
        <br />
        <span className="text-slate-600">
          Now {line.quantity} × {formatMoney(line.unitPrice, currency)}
        </span>
      </p>
      <div className={`grid gap-3 ${parts.length > 1 ? "sm:grid-cols-3" : "sm:max-w-[12rem]"}`}>
        {parts.map((part) => (
          <LineInput key={part} id={id} line={line} part={part} currency={currency} errors={errors} />
        ))}
      </div>
    </li>
  );
}

/** Per line still changeable: what it is now, and inputs for the parts this page may change. */
export function LineChangesFieldset({ id, lines, parts, currency, cancelHref, errors }: Props) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-base font-semibold text-slate-900">Items</legend>
      {lines.length === 0 ? (
        <p className="text-sm text-slate-600">No item of this order can be changed any more.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {lines.map((line) => (
            <LineRow key={line.id} id={id} line={line} parts={parts} currency={currency} errors={errors} />
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm text-slate-600">
        To remove an item entirely,{" "}
        <Link href={cancelHref} className="font-medium text-indigo-700 hover:underline">
          cancel it
        </Link>{" "}
        instead.
      </p>
    </fieldset>
  );
}
