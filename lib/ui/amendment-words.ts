// Amendments in words for people: what each change is, the phase it meets, what the safety
// matrix says about it, and an amendment's status.
import type { CommandKind } from "../modules/amendments/domain/change-command.ts";
import type { Phase } from "../modules/amendments/domain/phase.ts";
import type { SafetyResult } from "../modules/amendments/domain/safety-matrix.ts";
import type { AmendmentStatus } from "../modules/amendments/domain/status.ts";

export const COMMAND_WORDS: Readonly<Record<CommandKind, string>> = {
  ChangeContact: "Contact",
  ChangeDeliveryNote: "Note for the carrier",
  ChangeDeliveryWindow: "Delivery window",
  ChangeShippingAddress: "Shipping address",
  ChangeLineQuantity: "Quantity",
  SubstituteItem: "Item",
  ChangeUnitPrice: "Unit price",
};

export const PHASE_WORDS: Readonly<Record<Phase, string>> = {
  BEFORE_RELEASE: "not yet sent to the warehouse",
  RELEASED: "sent to the warehouse",
  IN_WAREHOUSE: "being picked or packed",
  SHIPPED: "shipped",
};

const LEVEL_WORDS: Readonly<Record<string, string>> = { SUPERVISOR: "a supervisor", MANAGER: "a manager", DIRECTOR: "a director", VP: "a VP" };
export const levelWords = (level: string) => LEVEL_WORDS[level] ?? level.toLowerCase();

export function safetyWords(safety: SafetyResult, level: string | null, blocker: string | null): string {
  switch (safety) {
    case "ALLOWED":
      return "Changes at once.";
    case "REQUIRES_REPLANNING":
      return "Changes at once; the store re-plans the delivery.";
    case "REQUIRES_APPROVAL":
      return `Needs approval by ${levelWords(level ?? "MANAGER")} first.`;
    case "MANUAL_REVIEW":
      return "Needs a manager's review before it changes.";
    case "BLOCKED":
      return `Can't be changed now${blocker ? `: ${blocker}` : "."}`;
  }
}

export const STATUS_WORDS: Readonly<Record<AmendmentStatus, string>> = {
  REQUESTED: "Requested",
  REQUIRES_APPROVAL: "Waiting for approval",
  APPROVED: "Approved",
  APPLYING: "Being applied",
  APPLIED: "Applied",
  REJECTED: "Rejected",
  FAILED: "Failed",
  WITHDRAWN: "Withdrawn",
};
