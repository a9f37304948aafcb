"use client";
import { ErrorPanel } from "@/components/ui/error-panel";

export default function SellerError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="Store orders could not be loaded" homeHref="/seller/orders" homeLabel="Back to store orders" />;
}
