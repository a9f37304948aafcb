"use client";
import { ErrorPanel } from "@/components/ui/error-panel";

export default function BuyerError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="Your orders could not be loaded" homeHref="/orders" homeLabel="Back to my orders" />;
}
