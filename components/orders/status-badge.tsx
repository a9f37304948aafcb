import { buyerLineStatusWords } from "@/lib/modules/orders/domain/buyer-status";
import { Badge, type Tone } from "@/components/ui/badge";

const ORDER_TONES: Record<string, Tone> = {
  OPEN: "gray",
  PREPARING: "amber",
  PARTIALLY_SHIPPED: "indigo",
  SHIPPED: "blue",
  DELIVERED: "green",
  CANCELLED: "red",
};

export function OrderStatusBadge({ status, label }: { status: string; label: string }) {
  return <Badge tone={ORDER_TONES[status] ?? "gray"}>{label}</Badge>;
}

function lineTone(code: string): Tone {
  if (code === "9000") return "red";
  if (code.startsWith("8")) return "violet";
  if (code.startsWith("45")) return "green";
  if (code === "4050" || code === "4025") return "indigo";
  if (code.startsWith("4")) return "blue";
  if (code.startsWith("3") || code === "1100" || code === "1125" || code === "1150") return "amber";
  return "gray";
}

/** A line's derived status with its enterprise code, e.g. "Shipping in progress · 4025". */
export function LineStatusBadge({ label, code }: { label: string; code: string }) {
  return (
    <Badge tone={lineTone(code)}>
      {label}
      <span className="font-mono text-[0.7rem] opacity-75">
        · {code}
      </span>
    </Badge>
  );
}

/** A line's status for its buyer: plain words ("Preparing", "Shipped"), no code. */
export function BuyerLineStatusBadge({ code }: { code: string }) {
  return <Badge tone={lineTone(code)}>{buyerLineStatusWords(code)}</Badge>;
}
