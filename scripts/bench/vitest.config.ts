// Unit tests of the bench's pure parts (not one of the app's test tiers):
//   npx vitest run --config scripts/bench/vitest.config.ts
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", ".."),
  test: { name: "bench", environment: "node", include: ["scripts/bench/**/*.test.ts"] },
});
