"use client";
import { signIn } from "next-auth/react";
import { useId, useRef, useState } from "react";
import { z } from "zod";
import { Badge, type Tone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { FieldError, inputClass, labelClass } from "@/components/ui/field";

export interface DemoAccount {
  email: string;
  name: string;
  roles: string[];
  level?: string;
}

const LoginInput = z.object({
  email: z.string().trim().min(1, "Enter your email address").pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password"),
});

const ROLE_TONES: Record<string, Tone> = { BUYER: "blue", SELLER: "green", APPROVER: "amber", OPS: "violet" };

export function LoginForm({ demoAccounts, demoPassword, callbackPath, initialError }: {
  demoAccounts: DemoAccount[] | null;
  demoPassword: string | null;
  callbackPath: string;
  initialError?: string;
}) {
  const id = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const parsed = LoginInput.safeParse({ email, password });
    if (!parsed.success) {
      const errs: { email?: string; password?: string } = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as "email" | "password";
        errs[key] ??= issue.message;
      }
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
      setFormError(result?.error === "CredentialsSignin" || result?.status === 401 ? "Invalid email or password" : "Signing in failed. Please try again.");
      setPending(false);
      passwordRef.current?.select();
    } catch (e) {
      console.error(e);
      setFormError("Signing in failed. Please try again.");
      setPending(false);
    }
  }

  function fillDemo(account: DemoAccount) {
    setEmail(account.email);
    if (demoPassword) setPassword(demoPassword);
    setFieldErrors({});
    setFormError(undefined);
    emailRef.current?.focus();
  }

  return (
    <div className="grid gap-8 lg:grid-cols-5">
      <div className="lg:col-span-2">
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-bold tracking-tight">Sign in to Countermand</h1>
          <p className="mt-1 text-sm text-slate-600">Use your work or customer account.</p>
          <form noValidate onSubmit={onSubmit} className="mt-6 space-y-4" aria-describedby={formError ? `${id}-form-error` : undefined}>
            {formError && (
              <div id={`${id}-form-error`}>
                <Alert tone="error" role="alert">
                  {formError}
                </Alert>
              </div>
            )}
            <div>
              <label htmlFor={`${id}-email`} className={labelClass}>
                Email
              </label>
              <input
                ref={emailRef}
                id={`${id}-email`}
                name="email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={fieldErrors.email ? true : undefined}
                aria-describedby={fieldErrors.email ? `${id}-email-error` : undefined}
                className={`${inputClass} mt-1`}
              />
              <FieldError id={`${id}-email-error`} message={fieldErrors.email} />
            </div>
            <div>
              <label htmlFor={`${id}-password`} className={labelClass}>
                Password
              </label>
              <input
                ref={passwordRef}
                id={`${id}-password`}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={fieldErrors.password ? true : undefined}
                aria-describedby={fieldErrors.password ? `${id}-password-error` : undefined}
                className={`${inputClass} mt-1`}
              />
              <FieldError id={`${id}-password-error`} message={fieldErrors.password} />
            </div>
            <button type="submit" disabled={pending} className={buttonClass("primary", "md", "w-full")}>
              {pending ? "Signing in…" : "Sign in"}
            </button>
          </form>
        </div>
      </div>
      {demoAccounts && (
        <section aria-labelledby={`${id}-demo`} className="lg:col-span-3">
          <div className="rounded-lg border border-amber-200 bg-amber-50/60 p-6">
            <h2 id={`${id}-demo`} className="text-base font-semibold text-slate-900">
              Demo accounts
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              Demo mode is on. Every demo account uses the password <code className="rounded bg-white px-1 font-mono">{demoPassword}</code>. Choose
              one to fill in the form.
            </p>
            <ul className="mt-4 divide-y divide-amber-200/70">
              {demoAccounts.map((a) => (
                <li key={a.email} className="flex flex-wrap items-center justify-between gap-3 py-2.5">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-900">{a.name}</p>
                    <p className="truncate font-mono text-xs text-slate-600">{a.email}</p>
                  </div>
                  <div className="ml-auto flex flex-wrap items-center gap-2">
                    {a.roles.map((r) => (
                      <Badge key={r} tone={ROLE_TONES[r] ?? "gray"}>
                        {r.toLowerCase()}
                        {r === "APPROVER" && a.level ? ` · ${a.level.toLowerCase()}` : ""}
                      </Badge>
                    ))}
                    <button type="button" onClick={() => fillDemo(a)} aria-label={`Use ${a.email}`} className={buttonClass("secondary", "sm")}>
                      Use
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
    </div>
  );
}
