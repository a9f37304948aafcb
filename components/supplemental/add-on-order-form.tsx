"use client";
import Link from "next/link";
import { useId, useState } from "react";
import type { ActionState, FieldErrors } from "@/lib/platform/actions/action-result";
import { formatMoney } from "@/lib/platform/money/money";
import { priceAddOn, type AddOnSource } from "@/lib/modules/supplemental/domain/add-on";
import { ADD_ON_QTY_PREFIX } from "@/lib/ui/add-on-form";
import { humanizeEnum } from "@/lib/ui/format";
import { useFormAction } from "@/components/ui/use-form-action";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

const SHOWN_FIELDS = ["reasonCode", "lines", "amount"];

/**
 * The buyer's add-on order: units of the order's items (at the price paid), a reason, the running
 * total and how it is paid; placing it sends exactly the total shown, pinned to the order version.
 */
export function AddOnOrderForm(props: { orderId: string; version: number; currency: string; items: AddOnSource[]; reasons: { code: string; label: string }[]; paymentMethod: string; action: Action }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(props.action);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const money = (n: number) => formatMoney(n, props.currency);
  const chosen = Object.entries(quantities).flatMap(([sku, quantity]) => (quantity > 0 ? [{ sku, quantity }] : []));
  const total = chosen.length ? priceAddOn(props.items, chosen).total : 0;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const other = Object.entries(errors).filter(([k]) => !SHOWN_FIELDS.includes(k) && !k.startsWith(ADD_ON_QTY_PREFIX));
  const onQuantity = (sku: string, text: string) => setQuantities((q) => ({ ...q, [sku]: /^\d{1,7}$/.test(text.trim()) ? Number(text) : 0 }));
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Add items" className="space-y-6">
      <input type="hidden" name="orderId" value={props.orderId} />
      <input type="hidden" name="expectedVersion" value={props.version} />
      <input type="hidden" name="paymentMethod" value={props.paymentMethod} />
      <input type="hidden" name="amount" value={total} />
      <section aria-labelledby={`${id}-items`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 id={`${id}-items`} className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          Items to add
        </h2>
        <ul className="divide-y divide-slate-100 px-4">
          {props.items.map((item) => (
            <AddOnItemRow key={item.sku} id={id} item={item} items={props.items} money={money} error={errors[`${ADD_ON_QTY_PREFIX}${item.sku}`]} onQuantity={onQuantity} />
          ))}
        </ul>
        {errors.lines && (
          <div className="px-4 pb-4">
            <Alert tone="error">{errors.lines}</Alert>
          </div>
        )}
      </section>
      <ReasonAndPayment id={id} reasons={props.reasons} errors={errors} total={money(total)} paymentMethod={props.paymentMethod} />
      {state && !state.ok && <ActionErrorAlert error={state} unshown={other} />}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Placing the order…" : `Pay ${money(total)} and place order`}
        </button>
        <Link href={`/orders/${props.orderId}`} className={buttonClass("ghost")}>
          Back to the order
        </Link>
      </div>
    </form>
  );
}

function AddOnItemRow({ id, item, items, money, error, onQuantity }: { id: string; item: AddOnSource; items: AddOnSource[]; money: (n: number) => string; error?: string; onQuantity: (sku: string, text: string) => void }) {
  const input = `${id}-${item.sku}`;
  const unit = priceAddOn(items, [{ sku: item.sku, quantity: 1 }]).lines[0]!;
  return (
    <li className="flex flex-wrap items-start justify-between gap-4 py-4">
      <div className="min-w-0">
        <h3 className="font-medium text-slate-900">{item.itemName}</h3>
        <p className="text-sm text-slate-600">
          <span className="font-mono text-xs">{item.sku}</span> · {money(unit.unitPrice)} each{unit.taxAmount > 0 && ` + ${money(unit.taxAmount)} tax`}
        </p>
      </div>
      <div className="w-36">
        <label htmlFor={input} className={labelClass}>
          Quantity<span className="sr-only"> of {item.sku}</span>
        </label>
        <input id={input} name={`${ADD_ON_QTY_PREFIX}${item.sku}`} type="number" inputMode="numeric" min={0} step={1} defaultValue="0" onChange={(e) => onQuantity(item.sku, e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${input}-error` : undefined} className={`${inputClass} mt-1`} />
        <FieldError id={`${input}-error`} message={error} />
      </div>
    </li>
  );
}

function ReasonAndPayment({ id, reasons, errors, total, paymentMethod }: { id: string; reasons: { code: string; label: string }[]; errors: FieldErrors; total: string; paymentMethod: string }) {
  return (
    <section aria-labelledby={`${id}-pay`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-pay`} className="text-base font-semibold text-slate-900">
        Reason and payment
      </h2>
      <div className="max-w-sm">
        <label htmlFor={`${id}-reason`} className={labelClass}>
          Reason
        </label>
        <select id={`${id}-reason`} name="reasonCode" defaultValue="" aria-invalid={errors.reasonCode ? true : undefined} aria-describedby={errors.reasonCode ? `${id}-reason-error` : undefined} className={`${inputClass} mt-1 pr-8`}>
          <option value="">Choose a reason…</option>
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-reason-error`} message={errors.reasonCode} />
      </div>
      <div aria-live="polite">
        <p className="text-sm text-slate-700">
          Total <strong data-testid="add-on-total" className="tabular-nums">{total}</strong>
        </p>
        <FieldHint id={`${id}-pay-hint`}>Paid by {humanizeEnum(paymentMethod).toLowerCase()}, as this order was paid.</FieldHint>
        <FieldError id={`${id}-amount-error`} message={errors.amount} />
      </div>
    </section>
  );
}
