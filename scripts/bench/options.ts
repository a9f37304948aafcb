// Command-line options of `npm run bench` (scripts/bench.ts).
export type Engine = "sqlite" | "postgresql";

export interface BenchOptions {
  engines: Engine[];
  /** Concurrency levels, run in the given order. */
  concurrency: number[];
  /** Orders per concurrency level (each order = 4 API calls). */
  orders: number;
  /** Orders run before the measured levels (not recorded): warms route modules and caches. */
  warmup: number;
  skipBuild: boolean;
  /** An existing PostgreSQL server (a database is CREATEd on it per run and dropped afterwards). */
  pgUrl: string | null;
  /** Start a throwaway PostgreSQL with scripts/postgres.ts. */
  pgThrowaway: boolean;
  jsonFile: string | null;
}

export const USAGE = `usage: npm run bench -- [options]

  --engines sqlite,postgresql   engines to run (default: sqlite, plus postgresql when a
                                PostgreSQL server is given or started)
  --pg-url <url>                existing PostgreSQL server (or BENCH_POSTGRES_URL)
  --pg-throwaway                start a throwaway PostgreSQL (scripts/postgres.ts) and remove it after
  --concurrency 1,4,16          concurrency levels (default 1,4,16)
  --orders N                    orders per level, 4 API calls each (default 200)
  --warmup N                    unmeasured orders before the levels (default 5)
  --skip-build                  reuse the production build in .next-test
  --json <file>                 also write the results as JSON
  --help`;

export class UsageError extends Error {}

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function nonNegativeInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function parseEngines(raw: string): Engine[] {
  const list = raw.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
  const engines = list.map((e) => {
    if (e === "sqlite") return "sqlite" as const;
    if (e === "postgresql" || e === "postgres" || e === "pg") return "postgresql" as const;
    throw new UsageError(`unknown engine "${e}" (use sqlite, postgresql)`);
  });
  if (!engines.length) throw new UsageError("--engines needs at least one engine");
  return [...new Set(engines)];
}

/** Splits `--name value` and `--name=value` into [name, value-reader]. */
function* flags(argv: string[]): Generator<{ name: string; value: () => string }> {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    yield {
      name,
      value: () => {
        if (inline !== undefined) return inline;
        const next = argv[i + 1];
        if (next === undefined || next.startsWith("--")) throw new UsageError(`${name} needs a value`);
        i++;
        return next;
      },
    };
  }
}

/** Parses argv (without node and script); returns null when --help was asked for. */
export function parseOptions(argv: string[], environment: NodeJS.ProcessEnv = process.env): BenchOptions | null {
  let engines: Engine[] | null = null;
  let concurrency = [1, 4, 16];
  let orders = 200;
  let warmup = 5;
  let skipBuild = false;
  let pgUrl: string | null = environment.BENCH_POSTGRES_URL?.trim() || null;
  let pgThrowaway = false;
  let jsonFile: string | null = null;

  for (const flag of flags(argv)) {
    switch (flag.name) {
      case "--help":
        return null;
      case "--engines":
        engines = parseEngines(flag.value());
        break;
      case "--concurrency":
        concurrency = flag.value().split(",").map((c) => positiveInt("--concurrency", c.trim()));
        break;
      case "--orders":
        orders = positiveInt("--orders", flag.value());
        break;
      case "--warmup":
        warmup = nonNegativeInt("--warmup", flag.value());
        break;
      case "--skip-build":
        skipBuild = true;
        break;
      case "--pg-url":
        pgUrl = flag.value();
        break;
      case "--pg-throwaway":
        pgThrowaway = true;
        break;
      case "--json":
        jsonFile = flag.value();
        break;
      default:
        throw new UsageError(`unknown option ${flag.name}`);
    }
  }

  if (pgUrl && !/^postgres(ql)?:\/\//.test(pgUrl)) throw new UsageError(`--pg-url must be a postgresql:// URL, got "${pgUrl}"`);
  if (pgUrl && pgThrowaway) throw new UsageError("give either --pg-url (or BENCH_POSTGRES_URL) or --pg-throwaway, not both");
  const havePostgres = pgUrl !== null || pgThrowaway;
  engines ??= havePostgres ? ["sqlite", "postgresql"] : ["sqlite"];
  if (engines.includes("postgresql") && !havePostgres) {
    throw new UsageError("postgresql needs a server: pass --pg-url <url>, set BENCH_POSTGRES_URL, or use --pg-throwaway");
  }
  return { engines, concurrency, orders, warmup, skipBuild, pgUrl, pgThrowaway, jsonFile };
}
