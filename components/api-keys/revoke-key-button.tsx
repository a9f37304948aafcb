"use client";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass } from "@/components/ui/button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Revokes one key after a confirmation; the key answers 401 from its next request on. */
export function RevokeKeyButton({ apiKeyId, name, action }: { apiKeyId: string; name: string; action: Action }) {
  const { state, pending, formAction, onSubmit } = useFormAction(action);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(`Revoke “${name}”? Integrations using it stop working at once.`)) return e.preventDefault();
        onSubmit(e);
      }}
      className="inline"
    >
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <button type="submit" disabled={pending} aria-label={`Revoke ${name}`} className={buttonClass("danger", "sm")}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-sm text-rose-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
