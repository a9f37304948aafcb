// The context stored with a fallout case (the task, its refunds, when it opened) as lines an
// operator reads: labels and values, amounts in the order's currency. Fields it does not know are
// left to the raw view.
import { formatMoney } from "../platform/money/money.ts";
import { formatDateTime, humanizeEnum, plural } from "./format.ts";

export interface ContextFact {
  label: string;
  value: string;
}
export interface ContextSummary {
  task: ContextFact[];
  refunds: string[];
  openedAt: string | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null);
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const int = (v: unknown): number | null => (typeof v === "number" && Number.isSafeInteger(v) ? v : null);
const when = (v: unknown): string | null => (str(v) && !Number.isNaN(Date.parse(v as string)) ? formatDateTime(v as string) : null);

function taskFacts(task: Obj, currency: string): ContextFact[] {
  const money = int(task.amount);
  const attempts = int(task.attempts);
  const facts: [string, string | null][] = [
    ["Task", str(task.type) && humanizeEnum(task.type as string)],
    ["Mode", str(task.mode) && humanizeEnum(task.mode as string)],
    ["Status", str(task.status) && humanizeEnum(task.status as string)],
    ["Stage", str(task.stage) && humanizeEnum(task.stage as string)],
    ["Units", int(task.quantity) !== null ? String(task.quantity) : null],
    ["Amount", money !== null ? formatMoney(money, currency) : null],
    ["Attempts", attempts !== null ? String(attempts) : null],
    ["Last error", str(task.lastError)],
    ["Due", when(task.dueAt)],
  ];
  return facts.filter((f): f is [string, string] => !!f[1]).map(([label, value]) => ({ label, value }));
}

function refundLine(r: Obj, currency: string): string {
  const amount = int(r.amount);
  const attempts = int(r.attempts);
  return [
    str(r.tenderMethod) ? humanizeEnum(r.tenderMethod as string) : "Refund",
    amount !== null ? formatMoney(amount, currency) : null,
    str(r.status) ? humanizeEnum(r.status as string) : null,
    attempts !== null ? plural(attempts, "attempt") : null,
    str(r.failureReason),
  ]
    .filter(Boolean)
    .join(" · ");
}

/** What the case knew when it opened, or null when the context is not the shape a task case stores. */
export function falloutContextSummary(context: unknown, currency: string): ContextSummary | null {
  const c = obj(context);
  const task = obj(c?.task);
  if (!c || !task) return null;
  const refunds = Array.isArray(c.refunds) ? c.refunds.map(obj).filter((r): r is Obj => !!r) : [];
  return { task: taskFacts(task, currency), refunds: refunds.map((r) => refundLine(r, currency)), openedAt: when(c.openedAt) };
}
