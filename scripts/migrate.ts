import { env } from "../lib/platform/config/env.ts";
import { migrate } from "../lib/platform/db/migrate.ts";
import { createDb } from "../lib/platform/db/client.ts";
import { installDefaultApprovalRules } from "../lib/modules/approvals/server/rules.ts";

const url = env().DATABASE_URL;
const result = await migrate(url);
console.log(
  `[db] ${result.engine}: ${result.applied.length ? `applied ${result.applied.join(", ")}` : "up to date"} (${result.alreadyApplied} previously applied)`,
);
// A fresh install also stores the default approval rules (once; a no-op afterwards).
const db = createDb(url);
try {
  const rules = await installDefaultApprovalRules(db);
  if (rules) console.log(`[db] stored ${rules} default approval rules`);
} finally {
  await db.$disconnect();
}
