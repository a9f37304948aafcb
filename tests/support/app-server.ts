// The production app as a black box for the API and browser tiers.
//
//   const server = await startAppServer();            // fresh SQLite DB with demo data
//   await fetch(`${server.baseUrl}/api/health`);
//   await server.stop();
//
// Requires a production build in .next-test: `NEXT_DIST_DIR=.next-test npx next build`
// (npm test builds it before the api/e2e tiers).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findFreePort, portIsFree } from "../../scripts/postgres.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const TEST_DIST_DIR = ".next-test";
export const TEST_NEXTAUTH_SECRET = "test-secret-test-secret-1234";
const BIN = (name: string) => path.join(REPO_ROOT, "node_modules", ".bin", name);

export interface AppServerOptions {
  /** Database to serve (file: or postgresql://). Default: a fresh SQLite file under .tmp/app-db. */
  databaseUrl?: string;
  /** Port to listen on (default: a free one). */
  port?: number;
  /** Extra environment for prepare-db and the server. */
  env?: Record<string, string>;
  /** How long to wait for GET /api/health to answer 200 (default 120s). */
  startTimeoutMs?: number;
}

export interface AppServer {
  baseUrl: string;
  databaseUrl: string;
  port: number;
  /** Combined stdout/stderr of the server so far. */
  log(): string;
  stop(): Promise<void>;
}


function baseEnv(databaseUrl: string, extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: TEST_DIST_DIR,
    DATABASE_URL: databaseUrl,
    DEMO_MODE: "true",
    NEXTAUTH_SECRET: TEST_NEXTAUTH_SECRET,
    // Webhook tests receive on 127.0.0.1, and want deliveries soon after the event.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    WEBHOOK_DISPATCH_INTERVAL_MS: "1000",
    ...extra,
  };
}

/** Children that must not outlive this process even if stop() is never reached. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* gone */
    }
  }
}
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of running) killGroup(child, "SIGKILL");
  });
  // The server has its own process group, so Ctrl-C does not reach it: pass signals on. When we are
  // the only listener, also exit as the default action would have.
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const signal of Object.keys(codes) as NodeJS.Signals[]) {
    process.on(signal, function onSignal() {
      for (const child of running) killGroup(child, "SIGTERM");
      if (process.listenerCount(signal) === 1) process.exit(codes[signal]);
    });
  }
}

export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  if (!existsSync(path.join(REPO_ROOT, TEST_DIST_DIR, "BUILD_ID"))) {
    throw new Error(
      `No production build in ${TEST_DIST_DIR}/. Build it first: NEXT_DIST_DIR=${TEST_DIST_DIR} npx next build ` +
        "(npm test does this before the api and e2e tiers).",
    );
  }
  const logDir = path.join(REPO_ROOT, ".tmp", "app-server");
  mkdirSync(logDir, { recursive: true });

  let databaseUrl = options.databaseUrl;
  let ownedDbFile: string | undefined;
  if (!databaseUrl) {
    const dir = path.join(REPO_ROOT, ".tmp", "app-db");
    mkdirSync(dir, { recursive: true });
    ownedDbFile = path.join(dir, `${Date.now().toString(36)}_${randomBytes(4).toString("hex")}.db`);
    databaseUrl = `file:${ownedDbFile}`;
  }
  const removeOwnedDb = () => {
    if (ownedDbFile && !process.env.KEEP_TEST_DB) {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(ownedDbFile + suffix, { force: true });
    }
  };

  // Migrate and load demo data (scripts/prepare-db.ts), as a deployment would before starting.
  const prepare = spawnSync(BIN("tsx"), ["scripts/prepare-db.ts"], {
    cwd: REPO_ROOT,
    env: baseEnv(databaseUrl, options.env),
    encoding: "utf8",
    timeout: 180_000,
  });
  if (prepare.status !== 0) {
    removeOwnedDb();
    throw new Error(
      `scripts/prepare-db.ts failed for ${databaseUrl} (exit ${prepare.status ?? prepare.signal}${prepare.error ? `, ${prepare.error.message}` : ""}):\n` +
        `${prepare.stdout ?? ""}${prepare.stderr ?? ""}`,
    );
  }

  const port = options.port ?? (await findFreePort());
  // Otherwise the health check below could be answered by whatever already listens there.
  if (!(await portIsFree(port))) {
    removeOwnedDb();
    throw new Error(`Port ${port} on 127.0.0.1 is already in use; cannot start the app server there.`);
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(logDir, `server-${port}.log`);
  const logStream = createWriteStream(logFile);
  let log = "";
  const child = spawn(BIN("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: REPO_ROOT,
    env: { ...baseEnv(databaseUrl, options.env), NODE_ENV: "production", NEXTAUTH_URL: baseUrl, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    // Own process group, so stop() can take down next and anything it spawned.
    detached: true,
  });
  running.add(child);
  installExitHook();
  const onData = (chunk: Buffer) => {
    const s = chunk.toString();
    log += s;
    if (log.length > 200_000) log = log.slice(-100_000);
    logStream.write(s);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", (code, signal) => {
    running.delete(child);
    onData(Buffer.from(`\n[app-server] exited (${signal ?? code})\n`));
    logStream.end();
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    removeOwnedDb();
  };

  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  while (true) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`The app server exited before becoming healthy. Server log (${logFile}):\n${log}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) break;
      lastProblem = `GET /api/health answered ${res.status}: ${(await res.text()).slice(0, 500)}`;
    } catch (e) {
      lastProblem = (e as Error).message;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app server at ${baseUrl} was not healthy within ${timeoutMs} ms (${lastProblem}). Server log (${logFile}):\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return { baseUrl, databaseUrl, port, log: () => log, stop };
}

export interface CreateApiKeyOptions {
  name?: string;
  rateLimit?: number;
  env?: Record<string, string>;
}

/**
 * Creates an API key with scripts/apikey.ts against `databaseUrl` and returns the last line it
 * prints (the secret key).
 */
export async function createApiKey(
  databaseUrl: string,
  email: string,
  scopes: string | string[],
  opts: CreateApiKeyOptions = {},
): Promise<string> {
  const args = [
    "--conditions=react-server",
    "scripts/apikey.ts",
    "create",
    "--user",
    email,
    "--scopes",
    Array.isArray(scopes) ? scopes.join(",") : scopes,
  ];
  if (opts.name !== undefined) args.push("--name", opts.name);
  if (opts.rateLimit !== undefined) args.push("--rate-limit", String(opts.rateLimit));
  return new Promise((resolve, reject) => {
    const child = spawn(BIN("tsx"), args, {
      cwd: REPO_ROOT,
      env: { ...baseEnv(databaseUrl, opts.env) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) {
        reject(new Error(`scripts/apikey.ts create failed (exit ${code}):\n${stdout}${stderr}`));
        return;
      }
      const last = stdout
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .at(-1);
      if (!last) reject(new Error(`scripts/apikey.ts create printed nothing:\n${stderr}`));
      else resolve(last);
    });
  });
}
