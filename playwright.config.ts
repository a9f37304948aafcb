// Browser tests (e2e/**/*.spec.ts): `npx playwright test` (npm test runs it as the last tier).
//
// No `webServer`: e2e/global-setup.ts starts the production build (.next-test) on a fresh SQLite
// database with demo data and publishes its address as E2E_BASE_URL, which `use.baseURL` below
// reads (workers evaluate this file after global setup). To test a server you started yourself,
// set E2E_BASE_URL=http://127.0.0.1:<port> (local addresses only) and no server is started.
//
// Chromium: PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium when present, else
// Playwright's own browser (`npx playwright install chromium` where downloads work).
import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  testMatch: /.*\.(spec|test)\.ts$/,
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results",
  // One server and one database are shared by all tests: run them one at a time unless asked.
  fullyParallel: false,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
});
