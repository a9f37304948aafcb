// Test tiers (npm test runs them in this order via scripts/test.ts):
//   unit         lib/**/*.test.ts                 pure logic, no database
//   integration  tests/integration/**/*.test.ts   real databases: SQLite always, PostgreSQL when available
//   api          tests/api/**/*.test.ts           HTTP against one production server (tests/support/api-global-setup.ts)
// Run one with `npx vitest run --project <name>`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // `import "server-only"` throws outside a React Server Components bundle; tests are server-side.
      { find: /^server-only$/, replacement: path.join(root, "tests/support/empty.ts") },
      { find: /^@\/(.*)$/, replacement: `${root}/$1` },
    ],
  },
  test: {
    // LOG_LEVEL: tests provoke failures on purpose; their structured log lines would drown the report.
    env: { NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/node_modules/**", "lib/platform/db/generated/**"],
          // The architecture check parses the whole tree and the property-style money tests run
          // thousands of cases: seconds on a busy 2-core machine, so the 5 s default is too tight.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/support/wiring.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files share the PostgreSQL server; keeping them sequential keeps connection counts and timing predictable.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "api",
          environment: "node",
          include: ["tests/api/**/*.test.ts"],
          setupFiles: ["tests/support/wiring.ts"],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { concurrent: false },
          globalSetup: ["tests/support/api-global-setup.ts"],
        },
      },
    ],
  },
});
