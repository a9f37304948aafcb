"use client";
import { useId } from "react";
import type { ReturnAssessment } from "@/lib/modules/returns/domain/assess-return";
import type { DataResult } from "@/lib/platform/actions/action-result";
import { usePreviewThenConfirm } from "@/components/ui/use-preview-then-confirm";
import { PreviewConfirmButtons } from "@/components/ui/preview-confirm-buttons";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { CancelReasonSection } from "@/components/cancellations/cancel-order-fields";
import { ReturnItemsSection, type ReturnFormLine } from "./return-items-section";
import { ReturnRefundPreview } from "./return-refund-preview";

type Action = (prev: DataResult<ReturnAssessment> | null, form: FormData) => Promise<DataResult<ReturnAssessment>>;

const SHOWN_FIELDS = ["reasonCode", "reasonText", "lines"];

/**
 * A return (by the buyer or the store): units per line and a reason, a preview of the refund (per item and per way
 * paid), then a confirmation of exactly what was previewed, pinned to the order version shown.
 */
export function ReturnOrderForm(props: {
  orderId: string;
  /** The order's page for the viewer: the way back. */
  backHref: string;
  version: number;
  currency: string;
  lines: ReturnFormLine[];
  reasons: { code: string; label: string }[];
  previewAction: Action;
  confirmAction: Action;
}) {
  const id = useId();
  const form = usePreviewThenConfirm(props.version, props.previewAction, props.confirmAction, (a) => a.lines.length > 0);
  const errors = form.error?.fieldErrors ?? {};
  const other = Object.entries(errors).filter(([k]) => !SHOWN_FIELDS.includes(k) && !k.startsWith("qty:"));
  return (
    <form action={form.previewAction} onSubmit={form.onSubmit} onChange={form.onChange} noValidate aria-label="Return items" className="space-y-6">
      <input type="hidden" name="orderId" value={props.orderId} />
      <input type="hidden" name="expectedVersion" value={props.version} />
      <ReturnItemsSection id={id} lines={props.lines} errors={errors} />
      <CancelReasonSection id={id} reasons={props.reasons} errors={errors} title="Why are you returning them?" />
      {form.error && <ActionErrorAlert error={form.error} unshown={other} />}
      {form.previewed && <ReturnRefundPreview id={id} assessment={form.previewed} currency={props.currency} itemNames={Object.fromEntries(props.lines.map((l) => [l.id, l.itemName]))} />}
      <PreviewConfirmButtons
        form={form}
        backHref={props.backHref}
        words={{ preview: "Preview refund", previewing: "Working out the refund…", confirm: "Confirm return", confirming: "Sending the return…", again: "preview" }}
      />
    </form>
  );
}
