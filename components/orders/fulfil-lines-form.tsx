"use client";
import { useId, useState } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import type { LineQuantities } from "@/lib/ui/line-progress";
import { FULFILMENT_STAGES, type FulfilmentStage } from "@/lib/modules/orders/domain/buckets";
import { eventFrom } from "@/lib/modules/orders/domain/fulfilment-path";
import { useFormAction } from "@/components/ui/use-form-action";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";
import { TrackingNumberField } from "./fulfil-line-fields";
import { FulfilLinesTable } from "./fulfil-lines-table";
import { ShipmentFields, isShipmentField } from "./shipment-fields";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Line = { id: string; lineNumber: number; sku: string; quantities: LineQuantities };

const label = (s: FulfilmentStage) => s.toLowerCase();
const SHIPPED_AT = FULFILMENT_STAGES.indexOf("SHIPPED");
/** Whether the move ships units (then a tracking number may go along). */
const ships = (from: FulfilmentStage, to: FulfilmentStage) => FULFILMENT_STAGES.indexOf(from) < SHIPPED_AT && FULFILMENT_STAGES.indexOf(to) >= SHIPPED_AT;
const held = (line: Line, s: FulfilmentStage) => line.quantities[label(s) as keyof LineQuantities] ?? 0;

/**
 * Several lines at once, from one stage to any later stage, in one submit: every stage in between
 * is recorded by the command. A blank quantity leaves the line where it is. Messages about a row
 * come back keyed by its position among the rows sent, so each shows next to its own field.
 */
export function FulfilLinesForm({ orderId, version, lines, action }: { orderId: string; version: number; lines: Line[]; action: Action }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const sources = FULFILMENT_STAGES.filter((s) => s !== "DELIVERED" && lines.some((l) => held(l, s) > 0));
  const { from, setFrom, to, setTo, quantities, setQuantities, tracking, setTracking, sent, setSent } = useMoveChoice(version);
  const source = from && sources.includes(from) ? from : sources[0];
  if (!source) return <p className="text-sm text-slate-600">No units are waiting for a fulfilment step.</p>;
  const targets = FULFILMENT_STAGES.slice(FULFILMENT_STAGES.indexOf(source) + 1);
  const target = targets.includes(to) ? to : targets[0]!;
  const rows = lines.filter((l) => held(l, source) > 0);
  const error = state && !state.ok && sent?.version === version ? state : null;
  const rowError = (lineId: string) => {
    const i = sent?.rows.indexOf(lineId) ?? -1;
    return i < 0 ? undefined : (error?.fieldErrors[`lines.${i}.quantity`] ?? error?.fieldErrors[`lines.${i}.orderLineId`]);
  };
  const shown = new Set(["type", "toStage", "trackingNumber", "lines", ...(sent?.rows.flatMap((_, i) => [`lines.${i}.quantity`, `lines.${i}.orderLineId`]) ?? [])]);
  const other = Object.entries(error?.fieldErrors ?? {}).filter(([k]) => !shown.has(k) && !(ships(source, target) && isShipmentField(k)));

  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        setSent({ version, rows: rows.filter((r) => (quantities[r.id] ?? "").trim() !== "").map((r) => r.id) });
        onSubmit(e);
      }}
      noValidate
      aria-label="Move units of several lines"
      className="space-y-3"
    >
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="type" value={eventFrom(source) ?? ""} />
      <div className="flex flex-wrap gap-3">
        <StageSelect id={`${id}-from`} name="fromStage" text="From stage" value={source} options={sources} onChange={setFrom} />
        <StageSelect id={`${id}-to`} name="toStage" text="Move to" value={target} options={targets} onChange={setTo} error={error?.fieldErrors.toStage} />
      </div>
      <FulfilLinesTable
        id={id}
        rows={rows.map((l) => ({ ...l, held: held(l, source), error: rowError(l.id) }))}
        sourceLabel={label(source)}
        quantities={quantities}
        onChange={(lineId, value) => setQuantities({ ...quantities, [lineId]: value })}
        error={error?.fieldErrors.lines}
      />
      {ships(source, target) && <ShippingDetails id={id} version={version} tracking={tracking} setTracking={setTracking} errors={error?.fieldErrors ?? {}} />}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary", "md")}>
          {pending ? "Saving…" : `Move to ${label(target)}`}
        </button>
        <span aria-live="polite" className="text-sm text-emerald-700">
          {state?.ok && !error && state.message}
        </span>
      </div>
      {error && <ActionErrorAlert error={error} unshown={other} />}
    </form>
  );
}

/** Tracking number and shipment details, when the move ships units. */
function ShippingDetails(props: { id: string; version: number; tracking: string; setTracking: (v: string) => void; errors: Record<string, string | undefined> }) {
  return (
    <>
      <TrackingNumberField id={props.id} sku="these lines" value={props.tracking} onChange={props.setTracking} error={props.errors.trackingNumber} />
      <ShipmentFields key={props.version} id={`${props.id}-shipment`} errors={props.errors} />
    </>
  );
}

/** What the form holds; a new order version clears the quantities typed for units that may have moved. */
function useMoveChoice(version: number) {
  const [from, setFrom] = useState<FulfilmentStage | undefined>(undefined);
  const [to, setTo] = useState<FulfilmentStage>("SHIPPED");
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [tracking, setTracking] = useState("");
  const [sent, setSent] = useState<{ version: number; rows: string[] } | null>(null);
  const [seenVersion, setSeenVersion] = useState(version);
  // The order changed: the quantities typed were for units that may have moved.
  if (seenVersion !== version) {
    setSeenVersion(version);
    setQuantities({});
    setTracking("");
  }
  return { from, setFrom, to, setTo, quantities, setQuantities, tracking, setTracking, sent, setSent };
}

function StageSelect(props: { id: string; name: string; text: string; value: FulfilmentStage; options: readonly FulfilmentStage[]; onChange: (s: FulfilmentStage) => void; error?: string }) {
  return (
    <div className="w-40">
      <label htmlFor={props.id} className={labelClass}>
        {props.text}
      </label>
      <select
        id={props.id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as FulfilmentStage)}
        aria-invalid={props.error ? true : undefined}
        className={`${inputClass} mt-1`}
      >
        {props.options.map((s) => (
          <option key={s} value={s}>
            {label(s)}
          </option>
        ))}
      </select>
      <FieldError id={`${props.id}-error`} message={props.error} />
    </div>
  );
}
