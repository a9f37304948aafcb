"use client";
import { ErrorPanel } from "@/components/ui/error-panel";

export default function OpsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="This operations page could not be loaded" homeHref="/" homeLabel="Back to start" />;
}
