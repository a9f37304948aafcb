// Throwaway PostgreSQL servers for tests and CI.
//
//   npx tsx scripts/postgres.ts start [--port N] [--dir D]   (npm run pg:start)
//       initdb into a temp dir, start on 127.0.0.1 with durability switched off, wait until it
//       accepts connections, record {url, dir, port} in .tmp/postgres.json and print the URL
//       alone on the last stdout line:  export TEST_POSTGRES_URL=$(npx tsx scripts/postgres.ts start | tail -n1)
//   npx tsx scripts/postgres.ts stop                          (npm run pg:stop)
//       stops the server recorded in .tmp/postgres.json and deletes its directory.
//
// As root the server runs as the `postgres` user (PostgreSQL refuses to run as root); as any other
// user it runs as that user. The binaries are looked up in $PG_BIN, /usr/lib/postgresql/<v>/bin,
// `pg_config --bindir` and PATH.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync, chownSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Where `start` records the server it started (read by `stop` and tests/support/postgres-url.ts). */
export const STATE_FILE = path.join(REPO_ROOT, ".tmp", "postgres.json");

export interface PostgresHandle {
  url: string;
  /** Directory holding data/, the socket and the server log. */
  dir: string;
  port: number;
  /** Binary directory used (initdb, pg_ctl). */
  bin?: string;
  /** User the server runs as when started by root (null: the current user). */
  runAs?: string | null;
  /** Whether stop() deletes `dir` itself (true when start created it; else only data/ and the log go). */
  removeDir?: boolean;
}

export interface StartOptions {
  port?: number;
  dir?: string;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
  /** Milliseconds to wait for the server to accept connections (default 60s). */
  timeoutMs?: number;
  log?: (line: string) => void;
}

const REQUIRED = ["initdb", "pg_ctl", "postgres"];

function hasBinaries(dir: string): boolean {
  return REQUIRED.every((b) => existsSync(path.join(dir, b)));
}

/** The directory containing initdb/pg_ctl/postgres, preferring PostgreSQL 15; null when absent. */
export function findPostgresBin(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    // 15 is what CI and the docs assume; any other installed major works too.
    versions.sort((a, b) => (a === "15" ? -1 : b === "15" ? 1 : 0));
    for (const v of versions) candidates.push(path.join(base, v, "bin"));
  }
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (pgConfig.status === 0 && pgConfig.stdout.trim()) candidates.push(pgConfig.stdout.trim());
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const initdb = path.join(dir, "initdb");
    if (existsSync(initdb)) {
      try {
        candidates.push(path.dirname(realpathSync(initdb)));
      } catch {
        /* dangling link */
      }
    }
  }
  return candidates.find((d) => hasBinaries(d)) ?? null;
}

function missingBinariesError(): Error {
  return new Error(
    "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found. Install PostgreSQL 15 " +
      "(Debian: apt-get install postgresql-15, binaries in /usr/lib/postgresql/15/bin), set PG_BIN to their directory, " +
      "or point TEST_POSTGRES_URL at an existing server.",
  );
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function userIds(user: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
  return { uid, gid };
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Runs a command, as `runAs` when given (we are root then), without a shell where possible. */
function run(cmd: string, args: string[], runAs: string | null, cwd: string): { status: number | null; output: string } {
  let file = cmd;
  let argv = args;
  if (runAs) {
    const runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].find((p) => existsSync(p));
    if (runuser) {
      file = runuser;
      argv = ["-u", runAs, "--", cmd, ...args];
    } else {
      file = "su";
      argv = [runAs, "-s", "/bin/sh", "-c", [cmd, ...args].map(shellQuote).join(" ")];
    }
  }
  const r = spawnSync(file, argv, { cwd, encoding: "utf8", env: { ...process.env, LC_ALL: "C", LANG: "C" } });
  if (r.error) return { status: null, output: String(r.error) };
  return { status: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

export async function canConnect(url: string, timeoutMs = 3_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function waitForConnections(url: string, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(url, 2_000)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  const log = existsSync(logFile) ? readFileSync(logFile, "utf8") : "(no log)";
  throw new Error(`PostgreSQL at ${url} did not accept connections within ${timeoutMs} ms. Server log:\n${log}`);
}

/** initdb + pg_ctl start a disposable server on 127.0.0.1; resolves once it accepts connections. */
export async function startThrowawayPostgres(options: StartOptions = {}): Promise<PostgresHandle> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[postgres] ${line}\n`));
  const bin = findPostgresBin();
  if (!bin) throw missingBinariesError();
  const runAs = isRoot() ? "postgres" : null;
  if (runAs && spawnSync("id", ["-u", runAs]).status !== 0) {
    throw new Error("Running as root, but there is no `postgres` user to run the server as (PostgreSQL refuses to run as root).");
  }

  let dir: string;
  let removeDir: boolean;
  if (options.dir) {
    dir = path.resolve(options.dir);
    if (existsSync(path.join(dir, "data"))) throw new Error(`${dir}/data already exists; give an empty or new --dir`);
    mkdirSync(dir, { recursive: true });
    removeDir = false;
  } else {
    dir = mkdtempSync(path.join(tmpdir(), "cm-pg-"));
    removeDir = true;
  }
  if (runAs) {
    const { uid, gid } = userIds(runAs);
    chownSync(dir, uid, gid);
  }
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");

  const init = run(path.join(bin, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], runAs, dir);
  if (init.status !== 0) {
    if (removeDir) rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (exit ${init.status}):\n${init.output}`);
  }

  const settings: Record<string, string | number> = {
    listen_addresses: "127.0.0.1",
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    max_connections: 300,
    ...options.settings,
  };
  // pg_ctl hands -o to a shell: the socket dir comes from mkdtemp (no spaces) or the caller.
  if (/\s/.test(dir)) throw new Error(`PostgreSQL directory must not contain whitespace: ${dir}`);
  const settingArgs = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(" ");

  // A port found free can be taken before postgres binds it; retry with another one.
  let lastError = "";
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = options.port ?? (await findFreePort());
    if (!(await portIsFree(port))) {
      lastError = `port ${port} is in use`;
      if (options.port) break;
      continue;
    }
    const start = run(
      path.join(bin, "pg_ctl"),
      ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", `-p ${port} -k ${dir} ${settingArgs}`, "start"],
      runAs,
      dir,
    );
    if (start.status !== 0) {
      lastError = `pg_ctl start failed (exit ${start.status}):\n${start.output}\n${existsSync(logFile) ? readFileSync(logFile, "utf8") : ""}`;
      if (options.port) break;
      continue;
    }
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const handle: PostgresHandle = { url, dir, port, bin, runAs, removeDir };
    try {
      await waitForConnections(url, options.timeoutMs ?? 60_000, logFile);
    } catch (e) {
      stopThrowawayPostgresSync(handle);
      throw e;
    }
    log(`started PostgreSQL (${path.basename(path.dirname(bin))}) at ${url}, data in ${dataDir}`);
    return handle;
  }
  if (removeDir) rmSync(dir, { recursive: true, force: true });
  throw new Error(`Could not start PostgreSQL: ${lastError}`);
}

/** Synchronous stop, usable from exit/signal handlers. Never throws for an already-stopped server. */
export function stopThrowawayPostgresSync(handle: PostgresHandle): void {
  const dataDir = path.join(handle.dir, "data");
  if (existsSync(path.join(dataDir, "postmaster.pid"))) {
    const bin = handle.bin && hasBinaries(handle.bin) ? handle.bin : findPostgresBin();
    if (bin) {
      let runAs: string | null = null;
      if (isRoot()) {
        // The data directory's owner must run pg_ctl.
        const owner = statSync(dataDir).uid;
        runAs = owner === 0 ? null : (handle.runAs ?? "postgres");
      }
      const r = run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "-t", "30", "stop"], runAs, handle.dir);
      if (r.status !== 0 && existsSync(path.join(dataDir, "postmaster.pid"))) {
        // Last resort: SIGQUIT the postmaster (immediate shutdown).
        try {
          const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
          if (pid > 0) process.kill(pid, "SIGQUIT");
        } catch {
          /* already gone */
        }
      }
    }
  }
  if (handle.removeDir !== false) {
    if (existsSync(handle.dir)) rmSync(handle.dir, { recursive: true, force: true });
  } else {
    // A --dir given by the caller stays; what start created in it goes.
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(path.join(handle.dir, "server.log"), { force: true });
  }
}

export async function stopThrowawayPostgres(handle: PostgresHandle): Promise<void> {
  stopThrowawayPostgresSync(handle);
}

export function readStateFile(file = STATE_FILE): PostgresHandle | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as PostgresHandle;
    return parsed && typeof parsed.url === "string" && typeof parsed.dir === "string" ? parsed : null;
  } catch {
    return null;
  }
}

function parseArgs(argv: string[]): { command: string | undefined; port?: number; dir?: string } {
  const [command, ...rest] = argv;
  const out: { command: string | undefined; port?: number; dir?: string } = { command };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (name: string) => {
      const eq = a.indexOf("=");
      if (eq >= 0) return a.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    if (a === "--port" || a.startsWith("--port=")) {
      const p = Number(value("--port"));
      if (!Number.isInteger(p) || p < 1 || p > 65535) throw new Error("--port must be a TCP port number");
      out.port = p;
    } else if (a === "--dir" || a.startsWith("--dir=")) out.dir = value("--dir");
    else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const usage = "usage: npx tsx scripts/postgres.ts start [--port N] [--dir D] | stop";
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  if (args.command === "start") {
    const existing = readStateFile();
    if (existing && (await canConnect(existing.url))) {
      console.error(`A throwaway PostgreSQL recorded in ${path.relative(process.cwd(), STATE_FILE)} is already running at ${existing.url}; run \`npx tsx scripts/postgres.ts stop\` first.`);
      return 1;
    }
    if (existing) stopThrowawayPostgresSync(existing); // stale record: clean up what is left of it
    const handle = await startThrowawayPostgres({ port: args.port, dir: args.dir });
    mkdirSync(path.dirname(STATE_FILE), { recursive: true });
    writeFileSync(STATE_FILE, JSON.stringify(handle, null, 2) + "\n");
    console.error(`[postgres] recorded in ${path.relative(process.cwd(), STATE_FILE)}; stop it with \`npx tsx scripts/postgres.ts stop\``);
    process.stdout.write(`${handle.url}\n`);
    return 0;
  }
  if (args.command === "stop") {
    const handle = readStateFile();
    if (!handle) {
      console.error(`[postgres] nothing to stop (${path.relative(process.cwd(), STATE_FILE)} not found)`);
      return 0;
    }
    stopThrowawayPostgresSync(handle);
    rmSync(STATE_FILE, { force: true });
    console.error(`[postgres] stopped ${handle.url}`);
    return 0;
  }
  console.error(usage);
  return 2;
}

function isMainModule(): boolean {
  if (!process.argv[1]) return false;
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(process.argv[1]) === real(fileURLToPath(import.meta.url));
}
const invokedDirectly = isMainModule();
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`[postgres] ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
