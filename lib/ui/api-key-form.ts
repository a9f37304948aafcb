import type { FieldErrors } from "../platform/actions/action-result.ts";

/** The create-key form as the API's input: scopes from the checkboxes, a blank rate limit = the default. */
export function apiKeyInputFromForm(form: FormData): { ok: true; input: Record<string, unknown> } | { ok: false; fieldErrors: FieldErrors } {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const rate = text("rateLimitPerMinute");
  if (rate !== "" && !/^\d{1,9}$/.test(rate)) return { ok: false, fieldErrors: { rateLimitPerMinute: "Enter a whole number of requests per minute, or leave it empty" } };
  const scopes = form.getAll("scopes").filter((s): s is string => typeof s === "string");
  return {
    ok: true,
    input: { userEmail: text("userEmail"), name: text("name"), scopes: scopes.includes("*") ? ["*"] : scopes, rateLimitPerMinute: rate === "" ? null : Number(rate) },
  };
}
