"use client";
import { useEffect } from "react";

// Replaces the root layout when it fails (e.g. the database is unreachable), so it brings its own
// document and plain inline styles.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0, padding: "4rem 1rem", textAlign: "center", color: "#0f172a" }}>
        <title>Something went wrong · Countermand</title>
        <h1 style={{ fontSize: "1.5rem" }}>Countermand is temporarily unavailable</h1>
        <p style={{ color: "#475569" }}>Please try again in a moment.</p>
        <button
          type="button"
          onClick={() => retry()}
          style={{ marginTop: "1rem", padding: "0.5rem 1rem", borderRadius: 6, border: 0, background: "#4f46e5", color: "white", fontWeight: 600 }}
        >
          Try again
        </button>
      </body>
    </html>
  );
}
