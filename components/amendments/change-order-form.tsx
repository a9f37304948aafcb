"use client";
import { useId } from "react";
import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import type { AmendmentPreviewT } from "@/lib/modules/amendments/contracts/amendments";
import type { DataResult } from "@/lib/platform/actions/action-result";
import { localInput } from "@/lib/ui/amendment-form";
import { lineNamesOf } from "@/lib/ui/amendment-change-text";
import { currentLinesOf, type ChangeableLine, type LinePart } from "@/lib/ui/line-amendment-form";
import { usePreviewThenConfirm } from "@/components/ui/use-preview-then-confirm";
import { PreviewConfirmButtons } from "@/components/ui/preview-confirm-buttons";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";
import { AmendmentPreviewSummary } from "./amendment-preview-summary";
import { LineChangesFieldset } from "./line-changes-fieldset";

type Action = (prev: DataResult<AmendmentPreviewT> | null, form: FormData) => Promise<DataResult<AmendmentPreviewT>>;
type Fields = Pick<OrderViewT, "shippingAddress" | "contact" | "deliveryNote" | "deliveryWindow">;

interface Props {
  orderId: string;
  version: number;
  current: Fields;
  currency: string;
  /** The lines still changeable, and what of them this page may change. */
  lines: ChangeableLine[];
  lineParts: readonly LinePart[];
  cancelHref: string;
  reasons: { code: string; label: string }[];
  backHref: string;
  previewAction: Action;
  confirmAction: Action;
}

const SHOWN = /^(shippingAddress|contact|deliveryWindow|lines)\.|^(deliveryNote|reasonCode|reasonText)$/;

type Errors = Record<string, string | undefined>;

function TextField({ id, name, label, value, errors, ...extra }: { id: string; name: string; label: string; value: string | null | undefined; errors: Errors } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "value">) {
  return (
    <div>
      <label htmlFor={`${id}-${name}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        className={inputClass}
        {...extra}
      />
      <FieldError id={`${id}-${name}-error`} message={errors[name]} />
    </div>
  );
}

const box = "grid gap-4 rounded-lg border border-slate-200 bg-white p-4";
const legend = "px-1 text-base font-semibold text-slate-900";

function AddressFieldset({ id, a, errors }: { id: string; a: Fields["shippingAddress"]; errors: Errors }) {
  const f = (part: string, label: string, value: string | null | undefined, extra: Omit<React.InputHTMLAttributes<HTMLInputElement>, "value"> = {}) => (
    <TextField id={id} name={`shippingAddress.${part}`} label={label} value={value} errors={errors} {...extra} />
  );
  return (
    <fieldset className={`${box} sm:grid-cols-2`}>
      <legend className={legend}>Ship to</legend>
      {f("name", "Name", a?.name, { autoComplete: "shipping name" })}
      {f("line1", "Address line 1", a?.line1, { autoComplete: "shipping address-line1" })}
      {f("line2", "Address line 2 (optional)", a?.line2, { autoComplete: "shipping address-line2" })}
      {f("city", "City", a?.city, { autoComplete: "shipping address-level2" })}
      {f("region", "Region (optional)", a?.region, { autoComplete: "shipping address-level1" })}
      {f("postalCode", "Postal code", a?.postalCode, { autoComplete: "shipping postal-code" })}
      {f("country", "Country code", a?.country, { autoComplete: "shipping country", maxLength: 2, placeholder: "US" })}
    </fieldset>
  );
}

function ContactFieldset({ id, c, errors }: { id: string; c: Fields["contact"]; errors: Errors }) {
  return (
    <fieldset className={`${box} sm:grid-cols-3`}>
      <legend className={legend}>Contact</legend>
      <TextField id={id} name="contact.name" label="Name" value={c?.name} errors={errors} autoComplete="name" />
      <TextField id={id} name="contact.email" label="E-mail" value={c?.email} errors={errors} type="email" autoComplete="email" />
      <TextField id={id} name="contact.phone" label="Phone (optional)" value={c?.phone} errors={errors} type="tel" autoComplete="tel" />
    </fieldset>
  );
}

function DeliveryFieldset({ id, current, errors }: { id: string; current: Fields; errors: Errors }) {
  return (
    <fieldset className={`${box} sm:grid-cols-2`}>
      <legend className={legend}>Delivery</legend>
      <TextField id={id} name="deliveryWindow.from" label="Window from (UTC)" value={localInput(current.deliveryWindow?.from)} errors={errors} type="datetime-local" />
      <TextField id={id} name="deliveryWindow.to" label="Window to (UTC)" value={localInput(current.deliveryWindow?.to)} errors={errors} type="datetime-local" />
      <div className="sm:col-span-2">
        <label htmlFor={`${id}-deliveryNote`} className={labelClass}>
          Note for the carrier (optional)
        </label>
        <textarea id={`${id}-deliveryNote`} name="deliveryNote" rows={2} maxLength={1000} defaultValue={current.deliveryNote ?? ""} aria-invalid={errors.deliveryNote ? true : undefined} className={inputClass} />
        <FieldError id={`${id}-deliveryNote-error`} message={errors.deliveryNote} />
      </div>
    </fieldset>
  );
}

function ReasonFieldset({ id, reasons, errors }: { id: string; reasons: Props["reasons"]; errors: Errors }) {
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="sr-only">Why</legend>
      <div>
        <label htmlFor={`${id}-reasonCode`} className={labelClass}>
          Reason
        </label>
        <select id={`${id}-reasonCode`} name="reasonCode" defaultValue={reasons[0]?.code} aria-invalid={errors.reasonCode ? true : undefined} className={inputClass}>
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-reasonCode-error`} message={errors.reasonCode} />
      </div>
      <TextField id={id} name="reasonText" label="Details (optional)" value="" errors={errors} maxLength={2000} />
    </fieldset>
  );
}

/** Edit the items and the delivery details, see what the change would do (phase, safety, money, approvals), then confirm exactly that. */
export function ChangeOrderForm({ orderId, version, current, currency, lines, lineParts, cancelHref, reasons, backHref, previewAction, confirmAction }: Props) {
  const id = useId();
  const form = usePreviewThenConfirm(version, previewAction, confirmAction, (p) => p.assessment.feasibility !== "BLOCKED");
  const errors: Errors = form.error?.fieldErrors ?? {};
  const other = Object.entries(errors).filter(([k]) => !SHOWN.test(k)) as [string, string][];
  return (
    <form action={form.previewAction} onSubmit={form.onSubmit} onChange={form.onChange} noValidate aria-label="Change order" className="space-y-6">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="current" value={JSON.stringify({ ...current, lines: currentLinesOf(lines) })} />
      <LineChangesFieldset id={id} lines={lines} parts={lineParts} currency={currency} cancelHref={cancelHref} errors={errors} />
      <AddressFieldset id={id} a={current.shippingAddress} errors={errors} />
      <ContactFieldset id={id} c={current.contact} errors={errors} />
      <DeliveryFieldset id={id} current={current} errors={errors} />
      <ReasonFieldset id={id} reasons={reasons} errors={errors} />
      {form.error && <ActionErrorAlert error={form.error} unshown={other} />}
      {form.previewed && <AmendmentPreviewSummary preview={form.previewed} currency={currency} lines={lineNamesOf(lines)} />}
      <PreviewConfirmButtons
        form={form}
        backHref={backHref}
        words={{ preview: "Review change", previewing: "Checking…", confirm: "Confirm change", confirming: "Saving…", again: "review" }}
      />
    </form>
  );
}
