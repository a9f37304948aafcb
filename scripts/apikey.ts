// npm run apikey -- create --user <email> --scopes <comma-separated|*> [--name <label>] [--rate-limit <per minute>]
// Prints the new key alone on the last line of standard output. It is shown once; only its hash is stored.
import { parseArgs } from "node:util";
import { createDb } from "../lib/platform/db/client.ts";
import { env } from "../lib/platform/config/env.ts";
import { migrate } from "../lib/platform/db/migrate.ts";
import { createApiKey } from "../lib/platform/auth/api-keys.ts";

const usage = "usage: npm run apikey -- create --user <email> --scopes <comma-separated|*> [--name <label>] [--rate-limit <n per minute>]";
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { user: { type: "string" }, scopes: { type: "string" }, name: { type: "string" }, "rate-limit": { type: "string" } },
});
if (positionals[0] !== "create" || !values.user || !values.scopes) {
  console.error(usage);
  process.exit(2);
}
const rate = values["rate-limit"] === undefined ? undefined : Number(values["rate-limit"]);
if (rate !== undefined && (!Number.isInteger(rate) || rate < 1)) {
  console.error("--rate-limit must be a positive whole number of requests per minute");
  process.exit(2);
}
// A key may be made before the app first started: bring the schema up to date first (idempotent).
await migrate(env().DATABASE_URL);
const db = createDb();
try {
  const created = await createApiKey(db, { userEmail: values.user, scopes: values.scopes, name: values.name, rateLimitPerMinute: rate });
  console.log(`Created API key ${created.id} for ${created.userEmail} with scopes ${created.scopes}. Store it now; it cannot be shown again.`);
  console.log(created.key);
} catch (e) {
  console.error(`apikey: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
