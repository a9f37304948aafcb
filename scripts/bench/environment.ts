// The machine and versions a bench ran on, for the report and --json.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Engine } from "./options.ts";

export const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

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
  return [`node ${info.node}`, info.platform, `${info.cpuModel} × ${info.cpuCount}`, `${info.memoryGiB} GiB`, ...engines, ...packages].join(" · ");
}
