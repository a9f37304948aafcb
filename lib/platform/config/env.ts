import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";

// Scripts run outside Next, which would otherwise load .env for us.
if (existsSync(".env") && typeof process.loadEnvFile === "function" && !process.env.__COUNTERMAND_ENV_LOADED) {
  process.loadEnvFile(".env");
  process.env.__COUNTERMAND_ENV_LOADED = "1";
}

const booleanString = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/countermand.db")
    .refine((u) => u.startsWith("file:") || /^postgres(ql)?:\/\//.test(u), {
      message: "DATABASE_URL must be file:<path> (SQLite) or postgresql://… (PostgreSQL)",
    }),
  DEMO_MODE: booleanString.default(true),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
  /** PostgreSQL connections per instance for the shared rate-limit counters. */
  RATE_LIMIT_DB_POOL_SIZE: z.coerce.number().int().positive().default(2),
  /** Failed sign-ins allowed per IP address and email within the window (0 = unlimited). */
  LOGIN_RATE_LIMIT_ATTEMPTS: z.coerce.number().int().min(0).default(10),
  /** Failed sign-ins allowed per IP address (any email) within the window (0 = unlimited). */
  LOGIN_RATE_LIMIT_IP_ATTEMPTS: z.coerce.number().int().min(0).default(100),
  LOGIN_RATE_LIMIT_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  API_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  LOG_SQL: booleanString.default(false),
  /**
   * SQLite in WAL mode: FULL (the default) syncs the log to disk at every commit, so a committed
   * change survives a power loss; NORMAL syncs only at checkpoints — still consistent and safe
   * against the process crashing, but the last commits before a power loss or OS crash can be lost.
   */
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
  /** inprocess: the app runs the job runner itself (the default); off: a separate `npm run worker` does. */
  JOB_RUNNER: z.enum(["inprocess", "off"]).default("inprocess"),
  JOB_RUNNER_INTERVAL_MS: z.coerce.number().int().min(100).default(2_000),
  /** Webhook targets on loopback or private networks are refused unless this is true (tests, local demos). */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanString.default(false),
  /** How often the runner hands new outbox events to webhook endpoints and sends due deliveries. */
  WEBHOOK_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(500).default(5_000),
  /** Allocated units not released within this many minutes go back to open (the allocation-expiry job). Unset: allocations never expire. */
  ALLOCATION_EXPIRY_MINUTES: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().max(525_600).optional()),
  /** How often the runner looks for expired allocations. */
  ALLOCATION_EXPIRY_INTERVAL_MS: z.coerce.number().int().min(1_000).default(60_000),
});

export type AppEnv = z.infer<typeof EnvSchema>;

let cached: AppEnv | undefined;

export function env(): AppEnv {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

export function databaseEngine(url = env().DATABASE_URL): "sqlite" | "postgresql" {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

/** Absolute path of a `file:` SQLite URL, relative paths resolved from the working directory. */
export function sqliteFilePath(url: string): string {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.isAbsolute(p) ? p : path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}

/**
 * The session-signing secret. Without NEXTAUTH_SECRET a random one is created once and kept in
 * data/.auth-secret, so a single instance needs no configuration and never runs on a guessable
 * secret. Several instances must share NEXTAUTH_SECRET.
 */
export function authSecret(): string {
  const fromEnv = env().NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "data", ".auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
