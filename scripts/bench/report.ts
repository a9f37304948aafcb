// Plain-text tables and the environment line for `npm run bench`.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Engine } from "./options.ts";
import { OPERATION_LABELS, OPERATIONS, type LevelResult, type Operation, type Stats } from "./runner.ts";

export interface RunResult {
  /** What ran: e.g. "API over HTTP (next start)" or "floor: better-sqlite3, 1 connection". */
  description: string;
  levels: LevelResult[];
}

export interface EngineResult {
  engine: Engine;
  engineVersion: string;
  api: RunResult;
  floor: RunResult;
}

const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

type Row = Operation | "all";
const ROWS: Row[] = [...OPERATIONS, "all"];
const rowLabel = (row: Row) => (row === "all" ? "all calls" : OPERATION_LABELS[row]);
const statsOf = (level: LevelResult, row: Row): Stats => (row === "all" ? level.all : level.operations[row]);

export function formatMs(ms: number): string {
  if (ms < 1) return ms.toFixed(3);
  if (ms < 100) return ms.toFixed(2);
  return ms.toFixed(1);
}

export function formatRate(perSec: number): string {
  return perSec < 1000 ? perSec.toFixed(1) : perSec.toFixed(0);
}

/** Ratio with three significant digits (0.0123, 0.456, 12.3). */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return "—";
  return r >= 100 ? r.toFixed(0) : r.toPrecision(3);
}

function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    "  " + cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

/** operation × concurrency → ops/s, p50/p95/p99, errors (and skipped orders, when any). */
export function statsTable(run: RunResult): string {
  const anySkipped = run.levels.some((l) => l.all.skipped > 0);
  const header = ["operation", "c", "ops/s", "p50 ms", "p95 ms", "p99 ms", "errors", ...(anySkipped ? ["skipped"] : [])];
  const rows: string[][] = [];
  for (const row of ROWS) {
    run.levels.forEach((level, i) => {
      const s = statsOf(level, row);
      rows.push([
        i === 0 ? rowLabel(row) : "",
        String(level.concurrency),
        formatRate(s.opsPerSec),
        formatMs(s.p50Ms),
        formatMs(s.p95Ms),
        formatMs(s.p99Ms),
        String(s.errors),
        ...(anySkipped ? [String(s.skipped)] : []),
      ]);
    });
  }
  return table(header, rows);
}

/** One line per level: orders, calls, wall time, end-to-end orders/s. */
export function levelSummary(run: RunResult): string {
  return run.levels
    .map((l) => {
      const calls = l.all.count + l.all.errors;
      const ordersPerSec = l.wallMs > 0 ? (l.orders / l.wallMs) * 1000 : 0;
      return `  c=${l.concurrency}: ${l.orders} orders, ${calls} calls in ${(l.wallMs / 1000).toFixed(2)} s → ${formatRate(ordersPerSec)} orders/s, ${l.all.errors} error(s)`;
    })
    .join("\n");
}

/** API ÷ floor per operation and level: throughput ratio and p50 latency ratio. */
export function ratioTable(api: RunResult, floor: RunResult): string {
  const header = ["operation", "c", "API ops/s", "floor ops/s", "API÷floor ops/s", "API p50", "floor p50", "API÷floor p50"];
  const rows: string[][] = [];
  for (const row of ROWS) {
    api.levels.forEach((apiLevel, i) => {
      const floorLevel = floor.levels.find((f) => f.concurrency === apiLevel.concurrency);
      if (!floorLevel) return;
      const a = statsOf(apiLevel, row);
      const f = statsOf(floorLevel, row);
      rows.push([
        i === 0 ? rowLabel(row) : "",
        String(apiLevel.concurrency),
        formatRate(a.opsPerSec),
        formatRate(f.opsPerSec),
        formatRatio(a.opsPerSec / f.opsPerSec),
        formatMs(a.p50Ms),
        formatMs(f.p50Ms),
        `${formatRatio(a.p50Ms / f.p50Ms)}×`,
      ]);
    });
  }
  return table(header, rows);
}

/** Distinct error messages of a run, most frequent first (at most `limit`). */
export function errorList(run: RunResult, limit = 8): string {
  const counts = new Map<string, number>();
  for (const level of run.levels) {
    for (const [message, n] of Object.entries(level.errorMessages)) counts.set(`c=${level.concurrency} ${message}`, n);
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!sorted.length) return "";
  const lines = sorted.slice(0, limit).map(([message, n]) => `    ${n} × ${message}`);
  if (sorted.length > limit) lines.push(`    … ${sorted.length - limit} more distinct error(s) (see --json)`);
  return `  errors:\n${lines.join("\n")}`;
}

export function engineReport(result: EngineResult): string {
  const name = ENGINE_NAMES[result.engine];
  const parts = [
    "",
    `━━ ${name} ${result.engineVersion} ━━`,
    "",
    `${name} · ${result.api.description}`,
    statsTable(result.api),
    levelSummary(result.api),
    errorList(result.api),
    "",
    `${name} · ${result.floor.description}`,
    statsTable(result.floor),
    levelSummary(result.floor),
    errorList(result.floor),
    "",
    `${name} · API ÷ floor (ops/s: share of the floor's throughput the API reaches; p50: how many times slower)`,
    ratioTable(result.api, result.floor),
  ];
  return parts.filter((p, i) => p !== "" || parts[i - 1] !== "").join("\n");
}

function packageVersion(repoRoot: string, name: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "?";
  } catch {
    return "?";
  }
}

export interface EnvironmentInfo {
  node: string;
  platform: string;
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  engines: Partial<Record<Engine, string>>;
  packages: Record<string, string>;
}

export function environmentInfo(repoRoot: string, engines: Partial<Record<Engine, string>>): EnvironmentInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? "unknown CPU",
    cpuCount: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    engines,
    packages: Object.fromEntries(["next", "@prisma/client", "better-sqlite3", "pg"].map((p) => [p, packageVersion(repoRoot, p)])),
  };
}

export function environmentLine(info: EnvironmentInfo): string {
  const engines = Object.entries(info.engines).map(([e, v]) => `${ENGINE_NAMES[e as Engine]} ${v}`);
  const packages = Object.entries(info.packages).map(([p, v]) => `${p} ${v}`);
  return [
    `node ${info.node}`,
    info.platform,
    `${info.cpuModel} × ${info.cpuCount}`,
    `${info.memoryGiB} GiB`,
    ...engines,
    ...packages,
  ].join(" · ");
}
