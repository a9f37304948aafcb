import { Badge } from "@/components/ui/badge";

const REASONS: Record<string, string> = { GONE: "receiver answered 410 Gone", FAILING: "failing for a day", MANUAL: "by OPS" };

export function WebhookStatusBadge({ status, reason }: { status: string; reason?: string | null }) {
  return status === "ACTIVE" ? <Badge tone="green">Active</Badge> : <Badge tone="red">Disabled{reason ? ` — ${REASONS[reason] ?? reason}` : ""}</Badge>;
}

export function DeliveryStatusBadge({ status }: { status: string }) {
  const tone = status === "DELIVERED" ? "green" : status === "FAILED" ? "red" : "amber";
  return <Badge tone={tone}>{status === "DELIVERED" ? "Delivered" : status === "FAILED" ? "Failed" : "Pending"}</Badge>;
}
