// Runs before the app starts: applies pending migrations, stores the default approval rules on a
// fresh install (once; a no-op afterwards), then (in demo mode) loads demo data.
import { databaseEngine, env } from "../lib/platform/config/env.ts";
import { migrate } from "../lib/platform/db/migrate.ts";
import { createDb } from "../lib/platform/db/client.ts";
import { installDefaultApprovalRules } from "../lib/modules/approvals/server/rules.ts";
import { loadDemoData } from "../lib/modules/demo/server/load-demo-data.ts";

const config = env();
const result = await migrate(config.DATABASE_URL);
console.log(
  `[db] ${result.engine}: ${result.applied.length ? `applied ${result.applied.join(", ")}` : "schema up to date"}`,
);
const db = createDb(config.DATABASE_URL);
try {
  const rules = await installDefaultApprovalRules(db);
  if (rules) console.log(`[db] stored ${rules} default approval rules`);
  if (config.DEMO_MODE) {
    await loadDemoData(db, (s) => console.log(`[demo] ${s}`));
    console.log(`[demo] demo data ready (${databaseEngine(config.DATABASE_URL)}); sign in with any demo user, password demo1234`);
  }
} finally {
  await db.$disconnect();
}
