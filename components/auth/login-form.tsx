"use client";
import { signIn } from "next-auth/react";
import { useId, useRef, useState } from "react";
import { z } from "zod";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";
import { loginErrorMessage } from "@/lib/ui/login-error";
import { DemoAccounts, type DemoAccount } from "./demo-accounts";

export type { DemoAccount } from "./demo-accounts";

const LoginInput = z.object({
  email: z.string().trim().min(1, "Enter your email address").pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password"),
});

type LoginFieldErrors = { email?: string; password?: string };

export function LoginForm({ demoAccounts, demoPassword, callbackPath, initialError }: {
  demoAccounts: DemoAccount[] | null;
  demoPassword: string | null;
  callbackPath: string;
  initialError?: string;
}) {
  const id = useId();
  const login = useLogin(callbackPath, initialError);
  const { fieldErrors, formError } = login;

  return (
    <div className="grid gap-8 lg:grid-cols-5">
      <div className="lg:col-span-2">
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-bold tracking-tight">Sign in to Countermand</h1>
          <p className="mt-1 text-sm text-slate-600">Use your work or customer account.</p>
          <form noValidate onSubmit={login.onSubmit} className="mt-6 space-y-4" aria-describedby={formError ? `${id}-form-error` : undefined}>
            {formError && (
              <div id={`${id}-form-error`}>
                <Alert tone="error" role="alert">
                  {formError}
                </Alert>
              </div>
            )}
            <CredentialField
              id={`${id}-email`}
              label="Email"
              type="email"
              autoComplete="username"
              inputRef={login.emailRef}
              value={login.email}
              onChange={login.setEmail}
              error={fieldErrors.email}
            />
            <CredentialField
              id={`${id}-password`}
              label="Password"
              type="password"
              autoComplete="current-password"
              inputRef={login.passwordRef}
              value={login.password}
              onChange={login.setPassword}
              error={fieldErrors.password}
            />
            <button type="submit" disabled={login.pending} className={buttonClass("primary", "md", "w-full")}>
              {login.pending ? "Signing in…" : "Sign in"}
            </button>
          </form>
        </div>
      </div>
      {demoAccounts && <DemoAccounts id={id} accounts={demoAccounts} password={demoPassword} onUse={(a) => login.fillDemo(a, demoPassword)} />}
    </div>
  );
}

/** The form's state: what was typed, what is wrong with it, and signing in with it. */
function useLogin(callbackPath: string, initialError: string | undefined) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<LoginFieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const parsed = LoginInput.safeParse({ email, password });
    if (!parsed.success) {
      const errs = loginFieldErrors(parsed.error.issues);
      setFieldErrors(errs);
      (errs.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation so the header and every server component see the new session.
        window.location.assign(callbackPath);
        return;
      }
      setFormError(loginErrorMessage(result?.error, result?.status));
      setPending(false);
      passwordRef.current?.select();
    } catch (e) {
      console.error(e);
      setFormError("Signing in failed. Please try again.");
      setPending(false);
    }
  }

  function fillDemo(account: DemoAccount, demoPassword: string | null) {
    setEmail(account.email);
    if (demoPassword) setPassword(demoPassword);
    setFieldErrors({});
    setFormError(undefined);
    emailRef.current?.focus();
  }

  return { email, setEmail, password, setPassword, fieldErrors, formError, pending, emailRef, passwordRef, onSubmit, fillDemo };
}

/** The first message per field. */
function loginFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): LoginFieldErrors {
  const errs: LoginFieldErrors = {};
  for (const issue of issues) {
    const key = issue.path[0] as "email" | "password";
    errs[key] ??= issue.message;
  }
  return errs;
}

function CredentialField(props: {
  id: string;
  label: string;
  type: "email" | "password";
  autoComplete: string;
  inputRef: React.RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { id, error } = props;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {props.label}
      </label>
      <input
        ref={props.inputRef}
        id={id}
        name={props.type}
        type={props.type}
        autoComplete={props.autoComplete}
        required
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${inputClass} mt-1`}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
