import { formatMinutes } from "./approver-words.ts";
// The OPS rule form ↔ approval rules: what the form posts becomes the rule input the command
// validates (so every message comes from the one schema), and a rule reads back as short text.
import type { ApprovalRule, ApprovalRuleInput, ApprovalRuleType } from "../modules/approvals/domain/rules.ts";
import { formatMoney } from "../platform/money/money.ts";
import { formatMoneyInput, parseMoneyInput } from "./money-input.ts";
import { humanizeEnum } from "./format.ts";

export const RULE_TYPE_LABELS: Record<ApprovalRuleType, string> = {
  ORDER_VALUE_THRESHOLD: "Order value at or above",
  QUANTITY_THRESHOLD: "Units in the request at or above",
  FULFILLMENT_STAGE: "Units at fulfilment stages",
  CUSTOMER_TYPE: "Customer type",
  ITEM_CATEGORY: "Item category",
};

type Form = Pick<FormData, "get" | "getAll">;

function text(form: Form, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
}

/** A whole number, or the text itself so the schema names the problem; absent → undefined. */
function whole(form: Form, name: string): number | string | undefined {
  const t = text(form, name);
  if (t === "") return undefined;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

function list(form: Form, name: string): string[] {
  return text(form, name)
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export type RuleFormResult = { ok: true; input: Record<string, unknown> } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Builds the rule input from the form's fields. Only the criteria of the chosen type are sent;
 * amounts are typed as money ("500.00") and sent in minor units.
 */
export function ruleInputFromForm(form: Form): RuleFormResult {
  const type = text(form, "type");
  let criteria: Record<string, unknown> = {};
  if (type === "ORDER_VALUE_THRESHOLD") {
    const raw = text(form, "minOrderValue");
    if (raw === "") return { ok: false, fieldErrors: { minOrderValue: "Enter the minimum order value, e.g. 500.00" } };
    const minor = parseMoneyInput(raw);
    if (minor === null) return { ok: false, fieldErrors: { minOrderValue: "Enter an amount like 500.00" } };
    criteria = { minOrderValue: minor };
  } else if (type === "QUANTITY_THRESHOLD") {
    criteria = { minUnits: whole(form, "minUnits") };
  } else if (type === "FULFILLMENT_STAGE") {
    criteria = { stages: form.getAll("stages").map(String), includeBlocked: form.get("includeBlocked") === "on" };
  } else if (type === "CUSTOMER_TYPE") {
    criteria = { customerTypes: list(form, "customerTypes") };
  } else if (type === "ITEM_CATEGORY") {
    criteria = { categories: list(form, "categories") };
  }
  const requestTypes = form.getAll("requestTypes").map(String);
  const allUnitsOpen = form.get("allUnitsOpen") === "on";
  const younger = whole(form, "orderYoungerThanMinutes");
  const autoApprove =
    requestTypes.length || allUnitsOpen || younger !== undefined
      ? {
          ...(requestTypes.length ? { requestTypes } : {}),
          ...(allUnitsOpen ? { allUnitsOpen: true } : {}),
          ...(younger !== undefined ? { orderYoungerThanMinutes: younger } : {}),
        }
      : null;
  const expires = whole(form, "expiresAfterMinutes");
  return {
    ok: true,
    input: {
      name: text(form, "name"),
      type,
      criteria,
      level: text(form, "level"),
      active: form.get("active") === "on",
      autoApprove,
      onExpiry: text(form, "onExpiry") || "ESCALATE",
      onFinalExpiry: text(form, "onFinalExpiry") || "EXPIRE",
      expiresAfterMinutes: expires ?? null,
    },
  };
}

/** Field names of the form for a schema path (`criteria.stages[1]` → `stages`). */
export function ruleFieldOf(path: string): string {
  const last = path.replace(/\[\d+\]/g, "").split(".").pop() ?? "form";
  if (path === "criteria") return "criteria";
  return last === "rule" ? "form" : last;
}

/** "at or above $500.00", "PICKED or PACKED units (in place)", … */
export function describeCriteria(rule: ApprovalRuleInput, currency = "USD"): string {
  switch (rule.type) {
    case "ORDER_VALUE_THRESHOLD":
      return `Order value ≥ ${formatMoney(rule.criteria.minOrderValue, currency)}`;
    case "QUANTITY_THRESHOLD":
      return `${rule.criteria.minUnits} or more units`;
    case "FULFILLMENT_STAGE":
      return `Any ${rule.criteria.stages.map(humanizeEnum).join(", ")} units${rule.criteria.includeBlocked ? ", including ones needing a return" : " cancelled in place"}`;
    case "CUSTOMER_TYPE":
      return `Customer type ${rule.criteria.customerTypes.join(", ")}`;
    case "ITEM_CATEGORY":
      return `Items in ${rule.criteria.categories.join(", ")}`;
  }
}

export function describeAutoApprove(rule: Pick<ApprovalRule, "autoApprove">): string | null {
  const c = rule.autoApprove;
  if (!c) return null;
  const parts: string[] = [];
  if (c.requestTypes) parts.push(c.requestTypes.map(humanizeEnum).join(" or "));
  if (c.allUnitsOpen) parts.push("all units still open");
  if (c.orderYoungerThanMinutes !== undefined) parts.push(`order younger than ${c.orderYoungerThanMinutes} min`);
  return parts.join(", ");
}

export function describeExpiry(rule: Pick<ApprovalRule, "expiresAfterMinutes" | "onExpiry" | "onFinalExpiry">): string {
  if (rule.expiresAfterMinutes === null) return "Never expires";
  const after = formatMinutes(rule.expiresAfterMinutes);
  return rule.onExpiry === "AUTO_APPROVE"
    ? `After ${after}: approved automatically`
    : `After ${after}: escalate one level; at VP ${rule.onFinalExpiry === "AUTO_APPROVE" ? "approve automatically" : "the request expires"}`;
}

/** Form defaults for editing a stored rule. */
export function formValuesOf(rule: ApprovalRule | null) {
  const c = (rule?.criteria ?? {}) as Record<string, unknown>;
  return {
    name: rule?.name ?? "",
    type: rule?.type ?? "ORDER_VALUE_THRESHOLD",
    minOrderValue: typeof c.minOrderValue === "number" ? formatMoneyInput(c.minOrderValue) : "",
    minUnits: typeof c.minUnits === "number" ? String(c.minUnits) : "",
    stages: Array.isArray(c.stages) ? (c.stages as string[]) : [],
    includeBlocked: c.includeBlocked === true,
    customerTypes: Array.isArray(c.customerTypes) ? (c.customerTypes as string[]).join(", ") : "",
    categories: Array.isArray(c.categories) ? (c.categories as string[]).join(", ") : "",
    level: rule?.level ?? "MANAGER",
    active: rule?.active ?? true,
    requestTypes: rule?.autoApprove?.requestTypes ? [...rule.autoApprove.requestTypes] : [],
    allUnitsOpen: rule?.autoApprove?.allUnitsOpen === true,
    orderYoungerThanMinutes: rule?.autoApprove?.orderYoungerThanMinutes !== undefined ? String(rule.autoApprove.orderYoungerThanMinutes) : "",
    onExpiry: rule?.onExpiry ?? "ESCALATE",
    onFinalExpiry: rule?.onFinalExpiry ?? "EXPIRE",
    expiresAfterMinutes: rule?.expiresAfterMinutes != null ? String(rule.expiresAfterMinutes) : "",
  };
}
export type RuleFormValues = ReturnType<typeof formValuesOf>;
