"use client";
import { useId, useState } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import type { FulfilmentStep } from "@/lib/ui/fulfilment";
import { useFormAction } from "@/components/ui/use-form-action";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { buttonClass } from "@/components/ui/button";
import { StepChoice, StepQuantityField, TrackingNumberField } from "./fulfil-line-fields";
import { ShipmentFields, isShipmentField } from "./shipment-fields";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

const SHOWN_FIELDS = ["quantity", "trackingNumber", "type"];

interface FulfilLineFormProps {
  orderId: string;
  version: number;
  line: { id: string; sku: string };
  steps: FulfilmentStep[];
  action: Action;
}

/**
 * One line's next fulfilment step: pick the step (only those whose source bucket holds units),
 * the quantity (1..available, default all) and, for SHIP, a tracking number and the shipment's details. The order version
 * the page was rendered with goes along, so a stale page gets VERSION_MISMATCH instead of moving
 * units nobody looked at.
 */
export function FulfilLineForm({ orderId, version, line, steps, action }: FulfilLineFormProps) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const choice = useStepChoice(steps, version);
  const [sentVersion, setSentVersion] = useState<number | null>(null);
  const step = choice.step;
  // An error belongs to the version it was made against; after a reload it no longer applies.
  const error = state && !state.ok && sentVersion === version ? state : null;
  const errors = error?.fieldErrors ?? {};
  const other = Object.entries(errors).filter(([k]) => !SHOWN_FIELDS.includes(k) && !(step?.type === "SHIP" && isShipmentField(k)));

  if (!step) return <NoFurtherSteps state={state} />;

  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        setSentVersion(version);
        onSubmit(e);
      }}
      noValidate
      aria-label={`Fulfil ${line.sku}`}
      className="space-y-3"
    >
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="orderLineId" value={line.id} />
      <StepChoice id={id} sku={line.sku} steps={steps} step={step} error={errors.type} onChoose={choice.choose} />
      <div className="flex flex-wrap items-start gap-3">
        <StepQuantityField id={id} sku={line.sku} step={step} value={choice.quantity} onChange={choice.setQuantity} error={errors.quantity} />
        {step.type === "SHIP" && <TrackingNumberField id={id} sku={line.sku} value={choice.tracking} onChange={choice.setTracking} error={errors.trackingNumber} />}
        {step.type === "SHIP" && <ShipmentFields key={version} id={id} errors={errors} />}
        <div className="pt-6">
          <button type="submit" disabled={pending} aria-label={`${step.verb} ${line.sku}`} className={buttonClass("primary", "md")}>
            {pending ? "Saving…" : step.verb}
          </button>
        </div>
        <div aria-live="polite" className="pt-8 text-sm text-emerald-700">
          {state?.ok && !error && state.message}
        </div>
      </div>
      {error && <ActionErrorAlert error={error} unshown={other} />}
    </form>
  );
}

/** The chosen step, its quantity and tracking number; a new order version starts them from its quantities. */
function useStepChoice(steps: FulfilmentStep[], version: number) {
  const [selected, setSelected] = useState(steps[0]?.type);
  const [quantity, setQuantity] = useState(String(steps[0]?.available ?? 1));
  const [tracking, setTracking] = useState("");
  const [seenVersion, setSeenVersion] = useState(version);

  // The order changed (this form's action or anyone else's): start from the new quantities.
  if (seenVersion !== version) {
    setSeenVersion(version);
    const next = steps.find((s) => s.type === selected) ?? steps[0];
    setSelected(next?.type);
    setQuantity(String(next?.available ?? 1));
    setTracking("");
  }

  const choose = (s: FulfilmentStep) => {
    setSelected(s.type);
    setQuantity(String(s.available));
  };
  return { step: steps.find((s) => s.type === selected) ?? steps[0], choose, quantity, setQuantity, tracking, setTracking };
}

function NoFurtherSteps({ state }: { state: ActionState }) {
  return (
    <div className="text-sm text-slate-600">
      <p>No further fulfilment steps for this line.</p>
      {state?.ok && (
        <p role="status" className="mt-1 text-emerald-700">
          {state.message}
        </p>
      )}
    </div>
  );
}
