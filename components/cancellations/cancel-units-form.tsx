"use client";
import { useId, useState } from "react";
import { formatMoney } from "@/lib/platform/money/money";
import type { DataResult, FieldErrors } from "@/lib/platform/actions/action-result";
import { outcomeMessage, type CancelOutcome } from "@/lib/ui/cancel-outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";

type Action = (prev: DataResult<CancelOutcome> | null, form: FormData) => Promise<DataResult<CancelOutcome>>;

const SHOWN_FIELDS = ["quantity", "reasonCode", "damaged"];

type CancelLine = { id: string; sku: string; outstanding: number; handled: number; stages: string };
type Reason = { code: string; label: string };

interface CancelUnitsFormProps {
  orderId: string;
  version: number;
  currency: string;
  line: CancelLine;
  reasons: Reason[];
  action: Action;
}

/**
 * The seller cancels N units of one line with a reason. The command takes the least progressed
 * units first and says what follows: done at once, waiting for approval, or waiting for a manual
 * step (recall, return to stock). "Damaged" writes picked/packed units off instead of restocking.
 */
export function CancelUnitsForm({ orderId, version, currency, line, reasons, action }: CancelUnitsFormProps) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const [quantity, setQuantity] = useState("1");
  const [sentVersion, setSentVersion] = useState<number | null>(null);
  const [seenVersion, setSeenVersion] = useState(version);
  if (seenVersion !== version) {
    setSeenVersion(version);
    setQuantity("1");
  }

  const error = state && !state.ok && sentVersion === version ? state : null;
  const errors = error?.fieldErrors ?? {};
  const other = Object.entries(errors).filter(([k]) => !SHOWN_FIELDS.includes(k));
  const outcome = state?.ok ? outcomeMessage(state.data, (n) => formatMoney(n, currency)) : null;

  if (line.outstanding === 0) return <NoUnitsLeft outcome={outcome} />;

  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        setSentVersion(version);
        onSubmit(e);
      }}
      noValidate
      aria-label={`Cancel units of ${line.sku}`}
      className="space-y-3"
    >
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="orderLineId" value={line.id} />
      <p className="text-sm font-medium text-slate-800">
        Cancel units <span className="font-normal text-slate-500">({line.stages}; least progressed first)</span>
      </p>
      <CancelUnitsFields id={id} line={line} reasons={reasons} errors={errors} pending={pending} quantity={quantity} onQuantityChange={setQuantity} />
      <FieldError id={`${id}-quantity-error`} message={errors.quantity} />
      <div aria-live="polite" className="text-sm text-emerald-800">
        {outcome && !error && <p>{outcome}</p>}
      </div>
      {error && <ActionErrorAlert error={error} unshown={other} />}
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

/** Quantity, reason, "damaged" (once units were handled) and the submit button, in one row. */
function CancelUnitsFields(props: {
  id: string;
  line: CancelLine;
  reasons: Reason[];
  errors: FieldErrors;
  pending: boolean;
  quantity: string;
  onQuantityChange: (quantity: string) => void;
}) {
  const { id, line } = props;
  return (
    <div className="flex flex-wrap items-start gap-3">
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
          value={props.quantity}
          onChange={(e) => props.onQuantityChange(e.target.value)}
          aria-label={`Cancel quantity for ${line.sku}`}
          aria-invalid={props.errors.quantity ? true : undefined}
          aria-describedby={`${id}-quantity-hint${props.errors.quantity ? ` ${id}-quantity-error` : ""}`}
          className={`${inputClass} mt-1`}
        />
        <FieldHint id={`${id}-quantity-hint`}>1–{line.outstanding}</FieldHint>
      </div>
      <CancelReasonSelect id={id} sku={line.sku} reasons={props.reasons} error={props.errors.reasonCode} />
      {line.handled > 0 && (
        <div className="flex items-center gap-2 pt-8">
          <input id={`${id}-damaged`} name="damaged" type="checkbox" className="h-4 w-4 rounded border-slate-300 text-indigo-600" />
          <label htmlFor={`${id}-damaged`} className="text-sm text-slate-800">
            Damaged (write off)
          </label>
        </div>
      )}
      <div className="pt-6">
        <button type="submit" disabled={props.pending} aria-label={`Cancel ${line.sku}`} className={buttonClass("danger", "md")}>
          {props.pending ? "Cancelling…" : "Cancel units"}
        </button>
      </div>
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
