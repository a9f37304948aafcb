"use client";
import { useId, useState } from "react";
import type { Assessment } from "@/lib/modules/cancellations/domain/assess";
import { formatMoney } from "@/lib/platform/money/money";
import type { DataResult } from "@/lib/platform/actions/action-result";
import { displayFromAssessment } from "@/lib/ui/assessment-display";
import { outcomeMessage, type CancelOutcome } from "@/lib/ui/cancel-outcome";
import { usePreviewThenConfirm } from "@/components/ui/use-preview-then-confirm";
import { PreviewConfirmButtons } from "@/components/ui/preview-confirm-buttons";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";
import { AssessmentSummary } from "./assessment-summary";
import { StockEffect } from "./stock-effect";

type Action<T> = (prev: DataResult<T> | null, form: FormData) => Promise<DataResult<T>>;

const SHOWN_FIELDS = ["quantity", "stage", "reasonCode", "damaged"];

/** Units in the warehouse can be written off as damaged instead of going back to stock. */
const WAREHOUSE_STAGES = ["allocated", "released", "picked", "packed"];

type CancelLine = {
  id: string;
  sku: string;
  outstanding: number;
  /** Units per stage still on the line (lower-case stage → units), in pipeline order. */
  byStage: Record<string, number>;
};
type Reason = { code: string; label: string };

interface CancelUnitsFormProps {
  orderId: string;
  version: number;
  currency: string;
  line: CancelLine;
  reasons: Reason[];
  previewAction: Action<Assessment>;
  confirmAction: Action<CancelOutcome>;
}

/**
 * The seller cancels N units of one line with a reason, from a chosen stage or the least
 * progressed first; a preview shows which units, approvals, stock movements and refund that
 * means, and the confirmation makes exactly that request (pinned to the order version shown).
 * "Damaged" writes warehouse units off instead of restocking them.
 */
export function CancelUnitsForm({ orderId, version, currency, line, reasons, previewAction, confirmAction }: CancelUnitsFormProps) {
  const id = useId();
  const form = usePreviewThenConfirm(version, previewAction, confirmAction, (a) => a.feasibility !== "NOT_CANCELLABLE" && a.lines.some((l) => l.cancelQuantity > 0));
  const [stage, setStage] = useState("");
  const errors = form.error?.fieldErrors ?? {};
  const other = Object.entries(errors).filter(([k]) => !SHOWN_FIELDS.includes(k));
  const outcome = form.confirmed ? outcomeMessage(form.confirmed, (n) => formatMoney(n, currency)) : null;

  if (line.outstanding === 0) return <NoUnitsLeft outcome={outcome} />;
  const damageable = stage ? WAREHOUSE_STAGES.includes(stage.toLowerCase()) : WAREHOUSE_STAGES.some((s) => (line.byStage[s] ?? 0) > 0);

  return (
    <form action={form.previewAction} onSubmit={form.onSubmit} onChange={form.onChange} noValidate aria-label={`Cancel units of ${line.sku}`} className="space-y-3">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="orderLineId" value={line.id} />
      <p className="text-sm font-medium text-slate-800">Cancel units</p>
      <div className="flex flex-wrap items-start gap-3">
        <QuantityField key={version} id={id} line={line} error={errors.quantity} />
        <StageSelect id={id} line={line} value={stage} onChange={setStage} error={errors.stage} />
        <CancelReasonSelect id={id} sku={line.sku} reasons={reasons} error={errors.reasonCode} />
        {damageable && <DamagedBox id={id} />}
      </div>
      <FieldError id={`${id}-quantity-error`} message={errors.quantity} />
      <div aria-live="polite" className="text-sm text-emerald-800">
        {outcome && !form.error && !form.previewed && <p>{outcome}</p>}
      </div>
      {form.error && <ActionErrorAlert error={form.error} unshown={other} />}
      {form.previewed && (
        <section aria-label={`Cancellation preview for ${line.sku}`} className="rounded-lg border border-indigo-200 bg-white p-3 shadow-sm">
          <AssessmentSummary assessment={displayFromAssessment(form.previewed)} currency={currency} audience="staff" />
          <StockEffect inventory={form.previewed.inventory} />
        </section>
      )}
      <PreviewConfirmButtons
        form={form}
        danger
        names={{ preview: `Preview cancel of ${line.sku}`, confirm: `Cancel ${line.sku}` }}
        words={{ preview: "Preview", previewing: "Working it out…", confirm: "Confirm cancel", confirming: "Cancelling…", again: "preview" }}
      />
    </form>
  );
}

function NoUnitsLeft({ outcome }: { outcome: string | null }) {
  return (
    <div className="text-sm text-slate-600">
      <p>No units left to cancel.</p>
      {outcome && (
        <p role="status" className="mt-1 text-emerald-700">
          {outcome}
        </p>
      )}
    </div>
  );
}

/** How many units; keyed by the order version so a reload after a change starts again at 1. */
function QuantityField({ id, line, error }: { id: string; line: CancelLine; error: string | undefined }) {
  return (
    <div className="w-28">
      <label htmlFor={`${id}-quantity`} className={labelClass}>
        Quantity<span className="sr-only"> to cancel</span>
      </label>
      <input
        id={`${id}-quantity`}
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={line.outstanding}
        step={1}
        defaultValue="1"
        aria-label={`Cancel quantity for ${line.sku}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-quantity-hint${error ? ` ${id}-quantity-error` : ""}`}
        className={`${inputClass} mt-1`}
      />
      <FieldHint id={`${id}-quantity-hint`}>1–{line.outstanding}</FieldHint>
    </div>
  );
}

/** Which units: least progressed first, or only those of one stage. */
function StageSelect({ id, line, value, onChange, error }: { id: string; line: CancelLine; value: string; onChange: (v: string) => void; error: string | undefined }) {
  const stages = Object.entries(line.byStage).filter(([, n]) => n > 0);
  return (
    <div className="w-full max-w-xs sm:w-52">
      <label htmlFor={`${id}-stage`} className={labelClass}>
        From
      </label>
      <select
        id={`${id}-stage`}
        name="stage"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label={`Cancel from stage for ${line.sku}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-stage-error` : undefined}
        className={`${inputClass} mt-1 pr-8`}
      >
        <option value="">Least progressed first</option>
        {stages.map(([s, n]) => (
          <option key={s} value={s.toUpperCase()}>
            {s[0]!.toUpperCase() + s.slice(1)} ({n})
          </option>
        ))}
      </select>
      <FieldError id={`${id}-stage-error`} message={error} />
    </div>
  );
}

function DamagedBox({ id }: { id: string }) {
  return (
    <div className="flex items-center gap-2 pt-8">
      <input id={`${id}-damaged`} name="damaged" type="checkbox" className="h-4 w-4 rounded border-slate-300 text-indigo-600" />
      <label htmlFor={`${id}-damaged`} className="text-sm text-slate-800">
        Damaged (write off)
      </label>
    </div>
  );
}

function CancelReasonSelect({ id, sku, reasons, error }: { id: string; sku: string; reasons: Reason[]; error: string | undefined }) {
  return (
    <div className="w-full max-w-xs sm:w-60">
      <label htmlFor={`${id}-reason`} className={labelClass}>
        Reason
      </label>
      <select
        id={`${id}-reason`}
        name="reasonCode"
        defaultValue=""
        aria-label={`Cancel reason for ${sku}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-reason-error` : undefined}
        className={`${inputClass} mt-1 pr-8`}
      >
        <option value="">Choose a reason…</option>
        {reasons.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-reason-error`} message={error} />
    </div>
  );
}
