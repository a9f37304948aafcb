"use client";
import type { ActionResult } from "@/lib/platform/actions/action-result";
import { Alert } from "@/components/ui/alert";

/** The outcome of a webhook action, announced politely. */
export function ActionOutcome({ state }: { state: ActionResult | null }) {
  if (!state) return null;
  return (
    <Alert tone={state.ok ? "success" : "error"} role={state.ok ? "status" : "alert"}>
      {state.message}
    </Alert>
  );
}

/** A freshly made signing secret: shown this once, to be copied into the receiver. */
export function SecretOnce({ secret }: { secret: string }) {
  return (
    <Alert tone="warning" title="Signing secret — shown only now" role="status">
      <p className="text-sm">Copy it into the receiver now; it cannot be shown again (rotate to get a new one).</p>
      <code data-testid="webhook-secret" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 ring-1 ring-slate-200">
        {secret}
      </code>
    </Alert>
  );
}
