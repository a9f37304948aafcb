/** GET a JSON resource of our own API with the session cookie; problem+json errors become Errors with the API's (user-safe) detail. */
export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: "application/json" }, credentials: "same-origin", signal });
  if (!res.ok) {
    let detail = `Request failed (${res.status})`;
    try {
      const problem = (await res.json()) as { detail?: unknown };
      if (typeof problem.detail === "string" && res.status < 500) detail = problem.detail;
    } catch {
      /* not JSON */
    }
    throw new Error(detail);
  }
  return (await res.json()) as T;
}
