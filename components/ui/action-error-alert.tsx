"use client";
import { useRouter } from "next/navigation";
import type { ActionFailure } from "@/lib/platform/actions/action-result";
import { Alert } from "./alert";
import { buttonClass } from "./button";

/**
 * The failure of a server action, below its form: the message, the field errors no field shows
 * (`unshown`), and — when the order changed since the page was rendered — a reload button.
 */
export function ActionErrorAlert({ error, unshown = [] }: { error: ActionFailure; unshown?: [string, string][] }) {
  const router = useRouter();
  const stale = error.code === "VERSION_MISMATCH";
  return (
    <Alert tone={stale ? "warning" : "error"} role="alert">
      <p>{error.message}</p>
      {unshown.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {unshown.map(([k, m]) => (
            <li key={k}>{m}</li>
          ))}
        </ul>
      )}
      {stale && (
        <button type="button" onClick={() => router.refresh()} className={buttonClass("secondary", "sm", "mt-2")}>
          Reload page
        </button>
      )}
    </Alert>
  );
}
