"use client";
import { ErrorPanel } from "@/components/ui/error-panel";

export default function ApproverError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="Approvals could not be loaded" homeHref="/approvals" homeLabel="Back to approvals" />;
}
