// Plain-text tables for `npm run bench`: the cancel table in the shape of the peer comparison,
// verification, racers, the other hot paths, statements per cancel, and the floor.
import { ENGINE_NAMES } from "./environment.ts";
import type { Engine } from "./options.ts";
import type { RacerTrial } from "./racers.ts";
import type { SqlCount } from "./sql-count.ts";
import type { Stats } from "./stats.ts";
import type { Check } from "./verify.ts";

export interface Phase {
  name: string;
  concurrency: number;
  stats: Stats;
}

export interface ApiResult {
  description: string;
  /** Intake and allocation of the orders, per concurrency level. */
  setup: Phase[];
  cancels: Phase[];
  verification: Check[];
  racers: RacerTrial[];
  hotPaths: Phase[];
  sql: SqlCount | null;
}

export interface EngineResult {
  engine: Engine;
  engineVersion: string;
  api: ApiResult;
  floor: { description: string; levels: Phase[] };
}

export const formatMs = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
export const formatRate = (perSec: number) => (perSec < 100 ? perSec.toFixed(1) : perSec.toFixed(0));
const formatRatio = (r: number) => (Number.isFinite(r) ? (r >= 100 ? r.toFixed(0) : r.toPrecision(3)) : "—");

function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => "  " + cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

const racersCell = (trials: RacerTrial[]) =>
  trials.length ? `${trials.every((t) => t.correct) ? "correct" : "WRONG"} (${trials.filter((t) => t.correct).length}/${trials.length})` : "—";

/** The comparison row: per level ops/s (p50 / p95 / p99 ms), and the racers verdict. */
export function headlineTable(result: EngineResult): string {
  const header = ["engine", ...result.api.cancels.map((p) => `c=${p.concurrency} ops/s (p50 / p95 / p99 ms)`), `${result.api.racers[0]?.racers ?? 0} racers on a 10-unit line`];
  const cells = result.api.cancels.map((p) => `${formatRate(p.stats.opsPerSec)} (${formatMs(p.stats.p50Ms)} / ${formatMs(p.stats.p95Ms)} / ${formatMs(p.stats.p99Ms)})`);
  return table(header, [[ENGINE_NAMES[result.engine], ...cells, racersCell(result.api.racers)]]);
}

/** name × concurrency → calls, ok, errors, ops/s, p50/p95/p99/max. */
export function phaseTable(phases: Phase[]): string {
  const header = ["operation", "c", "calls", "ok", "errors", "ops/s", "p50 ms", "p95 ms", "p99 ms", "max ms"];
  const rows = phases.map((p, i) => [
    i > 0 && phases[i - 1]!.name === p.name ? "" : p.name,
    String(p.concurrency),
    String(p.stats.calls),
    String(p.stats.ok),
    String(p.stats.errors),
    formatRate(p.stats.opsPerSec),
    formatMs(p.stats.p50Ms),
    formatMs(p.stats.p95Ms),
    formatMs(p.stats.p99Ms),
    formatMs(p.stats.maxMs),
  ]);
  return table(header, rows);
}

/** Distinct error messages, most frequent first (at most `limit`). */
export function errorList(phases: Phase[], limit = 8): string {
  const counts = phases.flatMap((p) => Object.entries(p.stats.errorMessages).map(([m, n]) => [`${p.name} c=${p.concurrency}: ${m}`, n] as const));
  if (!counts.length) return "";
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const lines = sorted.slice(0, limit).map(([m, n]) => `    ${n} × ${m}`);
  if (sorted.length > limit) lines.push(`    … ${sorted.length - limit} more distinct error(s) (see --json)`);
  return `  errors:\n${lines.join("\n")}`;
}

export function verificationLines(checks: Check[]): string {
  return checks.map((c) => `  ${c.pass ? "PASS" : "FAIL"}  ${c.name} — ${c.detail}`).join("\n");
}

export function racerLines(trials: RacerTrial[]): string {
  return trials
    .map(
      (t) =>
        `  trial ${t.trial}: ${t.completed} COMPLETED, ${t.rejected409} × 409${Object.keys(t.other).length ? `, other ${JSON.stringify(t.other)}` : ""}; ` +
        `remaining ${t.remaining}, order ${t.orderStatus}, allocated ${t.allocatedBefore} → ${t.allocatedAfter}, refunded ${t.refunded} ` +
        `(answers ${t.refundedInAnswers}), ${t.cancellationRequestsCompleted} requests COMPLETED → ${t.correct ? "correct" : "WRONG"}`,
    )
    .join("\n");
}

export function sqlLines(sql: SqlCount | null): string {
  if (!sql) return "  (not measured)";
  const kinds = Object.entries(sql.byKeyword).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${formatRatio(n / sql.cancels)}`);
  const tables = Object.entries(sql.writesByTable).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${formatRatio(n / sql.cancels)}`);
  return [
    `  ${formatRatio(sql.statements / sql.cancels)} statements and ${formatRatio(sql.transactions / sql.cancels)} transactions per one-unit cancel ` +
      `(${sql.statements} statements, ${sql.transactions} transactions over ${sql.cancels} sequential cancels; ${sql.idleStatements} statement(s) in an equally long idle window after)`,
    `  per cancel by kind: ${kinds.join(", ")}`,
    `  writes per cancel by table: ${tables.join(", ")}`,
  ].join("\n");
}

/** API ÷ floor per concurrency level (share of the floor's throughput the API reaches). */
export function floorTable(result: EngineResult): string {
  const header = ["c", "API ops/s", "floor ops/s", "API÷floor", "API p50", "floor p50", "floor p99"];
  const rows = result.api.cancels.flatMap((a) => {
    const f = result.floor.levels.find((l) => l.concurrency === a.concurrency);
    if (!f) return [];
    const ratio = a.stats.opsPerSec / f.stats.opsPerSec;
    return [[String(a.concurrency), formatRate(a.stats.opsPerSec), formatRate(f.stats.opsPerSec), formatRatio(ratio), formatMs(a.stats.p50Ms), formatMs(f.stats.p50Ms), formatMs(f.stats.p99Ms)]];
  });
  return table(header, rows, 0);
}

export function engineReport(r: EngineResult): string {
  const name = ENGINE_NAMES[r.engine];
  const parts = [
    "",
    `━━ ${name} ${r.engineVersion} ━━  ${r.api.description}`,
    headlineTable(r),
    "",
    `${name} · one-unit cancels (success = 201 COMPLETED; ops/s = successes ÷ wall time; latency of every call)`,
    phaseTable(r.api.cancels),
    errorList(r.api.cancels),
    "",
    `${name} · verification through the API`,
    verificationLines(r.api.verification),
    "",
    `${name} · racers`,
    racerLines(r.api.racers) || "  (none)",
    "",
    `${name} · setup and other hot paths`,
    phaseTable([...r.api.setup, ...r.api.hotPaths]),
    errorList([...r.api.setup, ...r.api.hotPaths]),
    "",
    `${name} · SQL per cancel (LOG_SQL=true, counted from the server log)`,
    sqlLines(r.api.sql),
    "",
    `${name} · ${r.floor.description}`,
    floorTable(r),
    errorList(r.floor.levels),
  ];
  return parts.filter((p, i) => p !== "" || parts[i - 1] !== "").join("\n");
}
