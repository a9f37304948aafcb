"use client";
import { useId } from "react";
import type { DataResult } from "@/lib/platform/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { FieldError, FieldHint, inputClass, labelClass } from "@/components/ui/field";

type Created = DataResult<{ key: string; id: string }>;
type Action = (prev: Created | null, form: FormData) => Promise<Created>;

/** Create a key: user (by email), name, scopes, own rate limit. The key is shown here once, after creating it. */
export function CreateApiKeyForm({ action, scopes, userEmails, defaultRate }: { action: Action; scopes: readonly string[]; userEmails: string[]; defaultRate: number }) {
  const id = useId();
  const { state, pending, formAction, onSubmit } = useFormAction<Created>(action);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const describe = (field: string, hint = false) => [hint ? `${id}-${field}-hint` : "", errors[field] ? `${id}-${field}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Create API key" className="space-y-4">
      {state?.ok && <NewKey keyText={state.data.key} message={state.message} />}
      {state && !state.ok && <Alert tone="error" role="alert">{state.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-userEmail`} className={labelClass}>User email</label>
          <input id={`${id}-userEmail`} name="userEmail" type="email" list={`${id}-users`} autoComplete="off" required aria-invalid={errors.userEmail ? true : undefined} aria-describedby={describe("userEmail", true)} className={`${inputClass} mt-1`} />
          <datalist id={`${id}-users`}>
            {userEmails.map((e) => <option key={e} value={e} />)}
          </datalist>
          <FieldHint id={`${id}-userEmail-hint`}>The key acts as this user, narrowed by its scopes.</FieldHint>
          <FieldError id={`${id}-userEmail-error`} message={errors.userEmail} />
        </div>
        <div>
          <label htmlFor={`${id}-name`} className={labelClass}>Name</label>
          <input id={`${id}-name`} name="name" type="text" maxLength={100} required placeholder="e.g. storefront" aria-invalid={errors.name ? true : undefined} aria-describedby={describe("name")} className={`${inputClass} mt-1`} />
          <FieldError id={`${id}-name-error`} message={errors.name} />
        </div>
        <div>
          <label htmlFor={`${id}-rate`} className={labelClass}>Rate limit (requests per minute)</label>
          <input id={`${id}-rate`} name="rateLimitPerMinute" type="text" inputMode="numeric" placeholder={`default ${defaultRate || "unlimited"}`} aria-invalid={errors.rateLimitPerMinute ? true : undefined} aria-describedby={describe("rateLimitPerMinute", true)} className={`${inputClass} mt-1`} />
          <FieldHint id={`${id}-rateLimitPerMinute-hint`}>Empty: the deployment&apos;s default.</FieldHint>
          <FieldError id={`${id}-rateLimitPerMinute-error`} message={errors.rateLimitPerMinute} />
        </div>
      </div>
      <fieldset aria-describedby={errors.scopes ? `${id}-scopes-error` : undefined}>
        <legend className={labelClass}>Scopes</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {[...scopes, "*"].map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="scopes" value={s} className="h-4 w-4 rounded border-slate-300 text-indigo-600" />
              <span className="font-mono">{s}</span>
              {s === "*" && <span className="text-slate-500">(every scope)</span>}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-scopes-error`} message={errors.scopes} />
      </fieldset>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Creating…" : "Create key"}
      </button>
    </form>
  );
}

function NewKey({ keyText, message }: { keyText: string; message?: string }) {
  return (
    <Alert tone="success" role="status">
      <p>{message} Copy the key now: it is shown only this once.</p>
      <p className="mt-2 break-all rounded bg-white px-2 py-1 font-mono text-sm text-slate-900" data-testid="new-api-key">
        {keyText}
      </p>
    </Alert>
  );
}
