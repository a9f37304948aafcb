"use client";
import { useId, useState } from "react";
import type { Assessment } from "@/lib/modules/cancellations/domain/assess";
import type { DataResult } from "@/lib/platform/actions/action-result";
import { displayFromAssessment } from "@/lib/ui/assessment-display";
import { usePreviewThenConfirm } from "@/components/ui/use-preview-then-confirm";
import { PreviewConfirmButtons } from "@/components/ui/preview-confirm-buttons";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { AssessmentSummary } from "./assessment-summary";
import type { CancelFormLine } from "./cancel-form-lines";
import { CancelItemsSection, CancelReasonSection } from "./cancel-order-fields";

type Action = (prev: DataResult<Assessment> | null, form: FormData) => Promise<DataResult<Assessment>>;

interface CancelOrderFormProps {
  orderId: string;
  version: number;
  currency: string;
  lines: CancelFormLine[];
  reasons: { code: string; label: string }[];
  previewAction: Action;
  confirmAction: Action;
}

const SHOWN_FIELDS = ["reasonCode", "reasonText", "lines"];

/**
 * The buyer's cancellation: choose units per line (or the whole order) and a reason, preview what
 * that cancels and refunds, then confirm exactly what was previewed. Changing anything after the
 * preview hides the confirmation until the preview is run again. The confirmation is pinned to
 * the order version the page showed; a stale page is asked to reload.
 */
export function CancelOrderForm({ orderId, version, currency, lines, reasons, previewAction, confirmAction }: CancelOrderFormProps) {
  const id = useId();
  const form = usePreviewThenConfirm(version, previewAction, confirmAction, (a) => a.feasibility !== "NOT_CANCELLABLE" && a.lines.some((l) => l.cancelQuantity > 0));
  const [wholeOrder, setWholeOrder] = useState(false);
  const [quantities, setQuantities] = useState<Record<string, string>>(() => Object.fromEntries(lines.map((l) => [l.id, "0"])));
  const errors = form.error?.fieldErrors ?? {};
  const other = Object.entries(errors).filter(([k]) => !SHOWN_FIELDS.includes(k) && !k.startsWith("qty:"));

  return (
    <form action={form.previewAction} onSubmit={form.onSubmit} onChange={form.onChange} noValidate aria-label="Cancel items" className="space-y-6">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />

      <CancelItemsSection
        id={id}
        lines={lines}
        errors={errors}
        wholeOrder={wholeOrder}
        onWholeOrderChange={setWholeOrder}
        quantities={quantities}
        onQuantityChange={(lineId, value) => setQuantities((q) => ({ ...q, [lineId]: value }))}
      />

      <CancelReasonSection id={id} reasons={reasons} errors={errors} />

      {form.error && <ActionErrorAlert error={form.error} unshown={other} />}

      {form.previewed && (
        <section aria-labelledby={`${id}-preview`} className="rounded-lg border border-indigo-200 bg-white p-4 shadow-sm">
          <h2 id={`${id}-preview`} className="mb-3 text-base font-semibold text-slate-900">
            Refund preview
          </h2>
          <AssessmentSummary
            assessment={displayFromAssessment(form.previewed)}
            currency={currency}
            audience="buyer"
            itemNames={Object.fromEntries(lines.map((l) => [l.id, l.itemName]))}
          />
        </section>
      )}

      <PreviewConfirmButtons
        form={form}
        backHref={`/orders/${orderId}`}
        danger
        words={{ preview: "Preview refund", previewing: "Working out the refund…", confirm: "Confirm cancellation", confirming: "Cancelling…", again: "preview" }}
      />
    </form>
  );
}
