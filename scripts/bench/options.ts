// Command-line options of `npm run bench` (scripts/bench.ts).
export type Engine = "sqlite" | "postgresql";

export interface BenchOptions {
  engines: Engine[];
  /** Orders of quantity 10 taken in and allocated per engine (the cancel phases walk them). */
  orders: number;
  /** One-unit cancels per measured concurrency level. */
  calls: number;
  /** Unmeasured one-unit cancels at concurrency 1 before the measured levels. */
  warmup: number;
  /** Concurrency levels of the measured phases, run in the given order. */
  concurrency: number[];
  /** One-unit cancels fired at once on one fresh 10-unit line, per trial. */
  racers: number;
  racerTrials: number;
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
  --orders N                    orders of 1 line × 10 units, all allocated (default 200)
  --calls N                     one-unit cancels per measured concurrency level (default 400)
  --warmup N                    unmeasured one-unit cancels at c=1 first (default 100)
  --concurrency 1,8             concurrency levels of the cancel phases (default 1,8)
  --racers N                    one-unit cancels fired at once on a fresh 10-unit line (default 25)
  --racer-trials N              racer trials (default 3; 0 skips them)
  --skip-build                  reuse the production build in .next-test
  --json <file>                 also write the results as JSON
  --help

Every order gets about (warmup + calls × levels) ÷ orders cancels; that must stay below 10.`;

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

type Mutable = Omit<BenchOptions, "engines"> & { engines: Engine[] | null };

const NUMERIC: Record<string, (o: Mutable, v: string) => void> = {
  "--orders": (o, v) => (o.orders = positiveInt("--orders", v)),
  "--calls": (o, v) => (o.calls = positiveInt("--calls", v)),
  "--warmup": (o, v) => (o.warmup = nonNegativeInt("--warmup", v)),
  "--racers": (o, v) => (o.racers = positiveInt("--racers", v)),
  "--racer-trials": (o, v) => (o.racerTrials = nonNegativeInt("--racer-trials", v)),
  "--concurrency": (o, v) => (o.concurrency = v.split(",").map((c) => positiveInt("--concurrency", c.trim()))),
  "--engines": (o, v) => (o.engines = parseEngines(v)),
  "--pg-url": (o, v) => (o.pgUrl = v),
  "--json": (o, v) => (o.jsonFile = v),
};

function check(o: Mutable): BenchOptions {
  if (o.pgUrl && !/^postgres(ql)?:\/\//.test(o.pgUrl)) throw new UsageError(`--pg-url must be a postgresql:// URL, got "${o.pgUrl}"`);
  if (o.pgUrl && o.pgThrowaway) throw new UsageError("give either --pg-url (or BENCH_POSTGRES_URL) or --pg-throwaway, not both");
  const perOrder = Math.ceil((o.warmup + o.calls * o.concurrency.length) / o.orders);
  if (perOrder >= 10) throw new UsageError(`each order would get ${perOrder} one-unit cancels (≥ 10 units); raise --orders or lower --calls/--warmup`);
  const maxConcurrency = Math.max(...o.concurrency);
  if (maxConcurrency > o.orders) throw new UsageError(`--concurrency ${maxConcurrency} needs at least that many --orders`);
  const havePostgres = o.pgUrl !== null || o.pgThrowaway;
  const engines = o.engines ?? (havePostgres ? ["sqlite", "postgresql"] : ["sqlite"]);
  if (engines.includes("postgresql") && !havePostgres) {
    throw new UsageError("postgresql needs a server: pass --pg-url <url>, set BENCH_POSTGRES_URL, or use --pg-throwaway");
  }
  return { ...o, engines };
}

/** Parses argv (without node and script); returns null when --help was asked for. */
export function parseOptions(argv: string[], environment: NodeJS.ProcessEnv = process.env): BenchOptions | null {
  const o: Mutable = {
    engines: null,
    orders: 200,
    calls: 400,
    warmup: 100,
    concurrency: [1, 8],
    racers: 25,
    racerTrials: 3,
    skipBuild: false,
    pgUrl: environment.BENCH_POSTGRES_URL?.trim() || null,
    pgThrowaway: false,
    jsonFile: null,
  };
  for (const flag of flags(argv)) {
    if (flag.name === "--help") return null;
    else if (flag.name === "--skip-build") o.skipBuild = true;
    else if (flag.name === "--pg-throwaway") o.pgThrowaway = true;
    else if (NUMERIC[flag.name]) NUMERIC[flag.name]!(o, flag.value());
    else throw new UsageError(`unknown option ${flag.name}`);
  }
  return check(o);
}
