"use client";
import Link from "next/link";
import { startTransition, useId, useState } from "react";
import type { Assessment } from "@/lib/modules/cancellations/domain/assess";
import type { DataResult } from "@/lib/platform/actions/action-result";
import { displayFromAssessment } from "@/lib/ui/assessment-display";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";
import { AssessmentSummary } from "./assessment-summary";

type Action = (prev: DataResult<Assessment> | null, form: FormData) => Promise<DataResult<Assessment>>;

export interface CancelFormLine {
  id: string;
  sku: string;
  itemName: string;
  /** "2 × $20.00" */
  priceText: string;
  /** Most units a request may name (not cancelled or returned yet). */
  outstanding: number;
  /** Of those, not shipped yet. */
  inPlace: number;
  /** Where the outstanding units are, e.g. "2 open, 1 packed". */
  stages: string;
}

const SHOWN_FIELDS = ["reasonCode", "reasonText", "lines"];

/**
 * The buyer's cancellation: choose units per line (or the whole order) and a reason, preview what
 * that cancels and refunds, then confirm exactly what was previewed. Changing anything after the
 * preview hides the confirmation until the preview is run again. The confirmation is pinned to
 * the order version the page showed; a stale page is asked to reload.
 */
export function CancelOrderForm({
  orderId,
  version,
  currency,
  lines,
  reasons,
  previewAction,
  confirmAction,
}: {
  orderId: string;
  version: number;
  currency: string;
  lines: CancelFormLine[];
  reasons: { code: string; label: string }[];
  previewAction: Action;
  confirmAction: Action;
}) {
  const id = useId();
  const preview = useFormAction(previewAction);
  const confirm = useFormAction(confirmAction);
  const [wholeOrder, setWholeOrder] = useState(false);
  const [quantities, setQuantities] = useState<Record<string, string>>(() => Object.fromEntries(lines.map((l) => [l.id, "0"])));
  // What the preview and the last error belong to: a change or a reload makes them stale.
  const [dirty, setDirty] = useState(false);
  const [last, setLast] = useState<{ kind: "preview" | "confirm"; version: number } | null>(null);

  const lastState = last?.kind === "confirm" ? confirm.state : preview.state;
  const error = last && last.version === version && lastState && !lastState.ok ? lastState : null;
  const errors = error?.fieldErrors ?? {};
  const other = Object.entries(errors).filter(([k]) => !SHOWN_FIELDS.includes(k) && !k.startsWith("qty:"));
  const stale = error?.code === "VERSION_MISMATCH";
  const previewed = !dirty && !stale && last?.version === version && preview.state?.ok ? preview.state.data : null;
  const canConfirm = previewed !== null && previewed.feasibility !== "NOT_CANCELLABLE" && previewed.lines.some((l) => l.cancelQuantity > 0);
  const pending = preview.pending || confirm.pending;

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget, submitter);
    if (submitter?.value === "confirm") {
      setLast({ kind: "confirm", version });
      startTransition(() => confirm.formAction(data));
    } else {
      setDirty(false);
      setLast({ kind: "preview", version });
      startTransition(() => preview.formAction(data));
    }
  };

  return (
    <form action={preview.formAction} onSubmit={onSubmit} onChange={() => setDirty(true)} noValidate aria-label="Cancel items" className="space-y-6">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />

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
              onChange={(e) => setWholeOrder(e.target.checked)}
              className="h-4 w-4 rounded border-slate-300 text-indigo-600"
            />
            Cancel the whole order
          </label>
        </div>
        <ul className="divide-y divide-slate-100 px-4">
          {lines.map((line) => {
            const field = `qty:${line.id}`;
            const fieldError = errors[field];
            const done = line.outstanding === 0;
            return (
              <li key={line.id} className="flex flex-wrap items-start justify-between gap-4 py-4">
                <div className="min-w-0">
                  <h3 className="font-medium text-slate-900">{line.itemName}</h3>
                  <p className="text-sm text-slate-600">
                    <span className="font-mono text-xs">{line.sku}</span> · {line.priceText}
                  </p>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {done ? "Nothing left to cancel." : `Now: ${line.stages}.`}
                    {!done && line.inPlace < line.outstanding && (
                      <> {line.outstanding - line.inPlace} already shipped: those can only be returned.</>
                    )}
                  </p>
                </div>
                {!done && (
                  <div className="w-36">
                    <label htmlFor={`${id}-${line.id}`} className={labelClass}>
                      Cancel quantity<span className="sr-only"> for {line.sku}</span>
                    </label>
                    <input
                      id={`${id}-${line.id}`}
                      name={field}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={line.outstanding}
                      step={1}
                      disabled={wholeOrder}
                      value={wholeOrder ? String(line.outstanding) : (quantities[line.id] ?? "0")}
                      onChange={(e) => setQuantities((q) => ({ ...q, [line.id]: e.target.value }))}
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
          })}
        </ul>
        {errors.lines && (
          <div className="px-4 pb-4">
            <Alert tone="error">
              <span id={`${id}-lines-error`}>{errors.lines}</span>
            </Alert>
          </div>
        )}
      </section>

      <section aria-labelledby={`${id}-why`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id={`${id}-why`} className="text-base font-semibold text-slate-900">
          Why are you cancelling?
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

      {error && <ActionErrorAlert error={error} unshown={other} />}

      {previewed && (
        <section aria-labelledby={`${id}-preview`} className="rounded-lg border border-indigo-200 bg-white p-4 shadow-sm">
          <h2 id={`${id}-preview`} className="mb-3 text-base font-semibold text-slate-900">
            Refund preview
          </h2>
          <AssessmentSummary
            assessment={displayFromAssessment(previewed)}
            currency={currency}
            audience="buyer"
            itemNames={Object.fromEntries(lines.map((l) => [l.id, l.itemName]))}
          />
        </section>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending} className={buttonClass(canConfirm ? "secondary" : "primary")}>
          {preview.pending ? "Working out the refund…" : "Preview refund"}
        </button>
        {canConfirm && (
          <button type="submit" name="intent" value="confirm" formAction={confirm.formAction} disabled={pending} className={buttonClass("danger")}>
            {confirm.pending ? "Cancelling…" : "Confirm cancellation"}
          </button>
        )}
        <Link href={`/orders/${orderId}`} className={buttonClass("ghost")}>
          Back to the order
        </Link>
        {dirty && preview.state?.ok && last?.kind === "preview" && (
          <span className="text-sm text-slate-600" aria-live="polite">
            You changed the form: preview again before confirming.
          </span>
        )}
      </div>
    </form>
  );
}
