/** The message the login form shows for the error next-auth hands back from a refused sign-in. */
export function loginErrorMessage(error: string | null | undefined, status?: number): string {
  const limited = /^LoginRateLimited:(\d+)$/.exec(error ?? "");
  if (limited) {
    const minutes = Math.max(1, Math.ceil(Number(limited[1]) / 60));
    return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (error === "CredentialsSignin" || status === 401) return "Invalid email or password";
  return "Signing in failed. Please try again.";
}
