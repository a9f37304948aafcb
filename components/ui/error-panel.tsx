"use client";
import Link from "next/link";
import { useEffect } from "react";
import { buttonClass } from "./button";

/**
 * The body of every error.tsx. Server errors reach the browser as a generic message plus a digest
 * (Next.js never forwards their text in production), so only the digest is shown, as a reference.
 */
export function ErrorPanel({
  error,
  retry,
  title = "Something went wrong",
  homeHref = "/",
  homeLabel = "Go to the start page",
}: {
  error: unknown;
  retry?: () => void;
  title?: string;
  homeHref?: string;
  homeLabel?: string;
}) {
  const digest = error && typeof error === "object" && "digest" in error ? String((error as { digest?: unknown }).digest ?? "") : "";
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-rose-200 bg-white px-6 py-10 text-center shadow-sm">
      <h1 className="text-xl font-bold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">
        The page could not be loaded. This is usually temporary; try again in a moment.
      </p>
      {digest && (
        <p className="mt-2 text-xs text-slate-500">
          Reference: <code className="font-mono">{digest}</code>
        </p>
      )}
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        {retry && (
          <button type="button" onClick={() => retry()} className={buttonClass("primary")}>
            Try again
          </button>
        )}
        <Link href={homeHref} className={buttonClass("secondary")}>
          {homeLabel}
        </Link>
      </div>
    </div>
  );
}
