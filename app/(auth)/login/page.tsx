import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/platform/auth/session";
import { env } from "@/lib/platform/config/env";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/modules/demo/server/load-demo-data";
import { safeCallbackPath } from "@/lib/ui/safe-redirect";
import { LoginForm, type DemoAccount } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await currentActor()) redirect(callbackPath);

  const demo = env().DEMO_MODE;
  // Service accounts exist for integrations; people sign in with the personal demo accounts.
  const demoAccounts: DemoAccount[] | null = demo
    ? DEMO_USERS.filter((u) => !u.service).map((u) => ({ email: u.email, name: u.name, roles: [...u.roles], level: u.level }))
    : null;
  const initialError = params.error ? (params.error === "CredentialsSignin" ? "Invalid email or password" : "Signing in failed. Please try again.") : undefined;

  return (
    <LoginForm demoAccounts={demoAccounts} demoPassword={demo ? DEMO_PASSWORD : null} callbackPath={callbackPath} initialError={initialError} />
  );
}
