"use client";
import { useId } from "react";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { CELL_CHOICES, PHASE_LABELS, ROW_LABELS, cellField, type describeMatrix } from "@/lib/ui/safety-matrix";
import { useFormAction } from "@/components/ui/use-form-action";
import { ActionErrorAlert } from "@/components/ui/action-error-alert";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass } from "@/components/ui/field";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Rows = ReturnType<typeof describeMatrix>;

/** The whole matrix, one select per command × phase, saved at once against the version shown. */
export function SafetyMatrixForm({ action, rows, version }: { action: Action; rows: Rows; version: number }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const phases = rows[0]!.cells.map((c) => c.phase);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Amendment safety matrix" className="space-y-4">
      <input type="hidden" name="version" value={version} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">What each change may do in each phase of the order</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Change</th>
              {phases.map((p) => (
                <th key={p} scope="col" className="px-3 py-2 font-medium">{PHASE_LABELS[p]}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map(({ row, cells }) => (
              <tr key={row}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-900">{ROW_LABELS[row]}</th>
                {cells.map(({ phase, value }) => {
                  const name = cellField(row, phase);
                  return (
                    <td key={phase} className="px-3 py-2">
                      <select
                        id={`${id}-${name}`}
                        name={name}
                        defaultValue={value}
                        aria-label={`${ROW_LABELS[row]} — ${PHASE_LABELS[phase]}`}
                        aria-invalid={errors[name] ? true : undefined}
                        className={inputClass}
                      >
                        {CELL_CHOICES.map((c) => (
                          <option key={c.value} value={c.value}>{c.label}</option>
                        ))}
                      </select>
                      <FieldError id={`${id}-${name}-error`} message={errors[name]} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {state && !state.ok && <ActionErrorAlert error={state} />}
      {state?.ok && state.message && <Alert tone="success" role="status">{state.message}</Alert>}
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Saving…" : "Save matrix"}
      </button>
    </form>
  );
}
