// Things to undo (servers, databases, PostgreSQL) on the normal path and on Ctrl-C / SIGTERM.
//
//   const release = cleanups.add("app server", () => server.stop());
//   try { … } finally { await release(); }
//
// On a signal every registered step runs, newest first, each bounded in time, and the process then
// exits with 128 + signal; `cleanups.signal` is aborted so loads stop early. A second signal exits
// at once. (tests/support/app-server.ts also kills its servers on signals and at exit.)
const STEP_TIMEOUT_MS = 20_000;
const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
/** One Ctrl-C can arrive twice (from the terminal and relayed by tsx); only a later one forces exit. */
const REPEAT_GRACE_MS = 1_000;

interface Step {
  label: string;
  /** Runs the step once; later calls return the first call's promise. */
  run: () => Promise<void>;
}

function withTimeout(p: Promise<void>, ms: number, label: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: still running after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

class Cleanups {
  readonly #steps: Step[] = [];
  /** Every step run started so far, from any path, so an exit can wait for all of them. */
  readonly #started = new Set<Promise<void>>();
  readonly #interrupt = new AbortController();
  #interruptedAt = 0;

  /** Aborted on the first signal: long-running loops should stop starting new work. */
  get signal(): AbortSignal {
    return this.#interrupt.signal;
  }

  get interrupted(): boolean {
    return this.#interrupt.signal.aborted;
  }

  /** Registers a step; the returned function runs it now (once) and unregisters it. */
  add(label: string, fn: () => Promise<void> | void): () => Promise<void> {
    let done: Promise<void> | undefined;
    const step: Step = {
      label,
      run: () => {
        if (!done) {
          done = Promise.resolve().then(fn);
          this.#started.add(done.catch(() => {}));
        }
        return done;
      },
    };
    this.#steps.push(step);
    return () => {
      const i = this.#steps.indexOf(step);
      if (i >= 0) this.#steps.splice(i, 1);
      return step.run();
    };
  }

  /** Runs every remaining step, newest first; reports (does not throw) failures. */
  async runAll(): Promise<void> {
    while (this.#steps.length) {
      const step = this.#steps.pop()!;
      try {
        await withTimeout(step.run(), STEP_TIMEOUT_MS, step.label);
      } catch (e) {
        process.stderr.write(`[bench] cleanup of ${step.label} failed: ${(e as Error).message}\n`);
      }
    }
  }

  /** runAll, then also waits (bounded) for steps that other code paths started. */
  async settle(): Promise<void> {
    await this.runAll();
    await withTimeout(Promise.all(this.#started).then(() => {}), STEP_TIMEOUT_MS, "cleanup").catch((e: Error) =>
      process.stderr.write(`[bench] ${e.message}\n`),
    );
  }

  installSignalHandlers(): void {
    for (const signal of Object.keys(EXIT_CODES) as NodeJS.Signals[]) {
      process.on(signal, () => {
        const code = EXIT_CODES[signal]!;
        if (this.interrupted) {
          if (Date.now() - this.#interruptedAt > REPEAT_GRACE_MS) process.exit(code);
          return;
        }
        this.#interruptedAt = Date.now();
        this.#interrupt.abort();
        process.stderr.write(`\n[bench] ${signal}: cleaning up (again to exit at once)…\n`);
        void this.settle().finally(() => process.exit(code));
      });
    }
  }
}

export const cleanups = new Cleanups();
