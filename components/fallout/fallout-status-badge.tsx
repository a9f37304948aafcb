import { Badge, type Tone } from "@/components/ui/badge";

const TONES: Record<string, Tone> = { OPEN: "red", IN_REPAIR: "amber", RESOLVED: "green", ABANDONED: "gray" };
const LABELS: Record<string, string> = { OPEN: "Open", IN_REPAIR: "In repair", RESOLVED: "Resolved", ABANDONED: "Abandoned" };

export function FalloutStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "gray"}>{LABELS[status] ?? status}</Badge>;
}
