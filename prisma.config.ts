import path from "node:path";
import { defineConfig } from "prisma/config";

// The JS schema engine with a driver adapter: no native engine binary is downloaded or needed.
// Migrations are applied by our own runner (scripts/migrate.ts); the CLI is used for
// `generate` and `migrate diff` only, which never open a database.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: process.env.PRISMA_CLI_SQLITE_URL ?? ":memory:" });
  },
});
