import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import { databaseEngine, env } from "../config/env.ts";

/**
 * Limiters of rate-limiter-flexible, one per (bucket, points, window). On SQLite (one app process)
 * they count in memory; on PostgreSQL in the `rate_limits` table (created by a migration, so the
 * library never creates it), so every app instance on one database shares each count. A database
 * that cannot be reached falls back to counting in memory (the library's insurance limiter) rather
 * than refusing every request.
 */
export const RATE_LIMIT_TABLE = "rate_limits";

export interface LimiterSpec {
  /** Names the kind of count (`api`, `login`); stored as the key's prefix. */
  bucket: string;
  points: number;
  durationSeconds: number;
}

const state = globalThis as unknown as { countermandLimiters?: Map<string, RateLimiterAbstract>; countermandLimiterPool?: pg.Pool };

function limiterPool(url: string): pg.Pool {
  state.countermandLimiterPool ??= new pg.Pool({ connectionString: url, max: env().RATE_LIMIT_DB_POOL_SIZE });
  return state.countermandLimiterPool;
}

function build(spec: LimiterSpec): RateLimiterAbstract {
  const options = { keyPrefix: spec.bucket, points: spec.points, duration: spec.durationSeconds };
  const url = env().DATABASE_URL;
  if (databaseEngine(url) === "sqlite") return new RateLimiterMemory(options);
  return new RateLimiterPostgres({
    ...options,
    storeClient: limiterPool(url),
    storeType: "pool",
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    // A key that used up its points is refused from memory until its window ends: no query per refused request.
    inMemoryBlockOnConsumed: spec.points,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

export function limiterFor(spec: LimiterSpec): RateLimiterAbstract {
  state.countermandLimiters ??= new Map();
  const id = `${spec.bucket}:${spec.points}:${spec.durationSeconds}`;
  let limiter = state.countermandLimiters.get(id);
  if (!limiter) {
    limiter = build(spec);
    state.countermandLimiters.set(id, limiter);
  }
  return limiter;
}
