// npm run apikey -- create --user <email> --scopes <comma-separated|*> [--name <label>] [--rate-limit <per minute>]
//   Prints the new key alone on the last line of standard output. It is shown once; only its hash is stored.
// npm run apikey -- revoke --id <key id>
//   Revokes the key (it answers 401 from the next request on); an unknown id exits with 1.
import { parseArgs } from "node:util";
import { createDb, type Db } from "../lib/platform/db/client.ts";
import { env } from "../lib/platform/config/env.ts";
import { migrate } from "../lib/platform/db/migrate.ts";
import { createApiKey } from "../lib/platform/auth/api-keys.ts";
import { revokeApiKey } from "../lib/modules/api-keys/server/api-keys.ts";
import { systemActor } from "../lib/platform/auth/system-actor.ts";

const usage =
  "usage: npm run apikey -- create --user <email> --scopes <comma-separated|*> [--name <label>] [--rate-limit <n per minute>]\n" +
  "       npm run apikey -- revoke --id <key id>";
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { user: { type: "string" }, scopes: { type: "string" }, name: { type: "string" }, "rate-limit": { type: "string" }, id: { type: "string" } },
});
const command = positionals[0];
if (!((command === "create" && values.user && values.scopes) || (command === "revoke" && values.id))) {
  console.error(usage);
  process.exit(2);
}
const rate = values["rate-limit"] === undefined ? undefined : Number(values["rate-limit"]);
if (rate !== undefined && (!Number.isInteger(rate) || rate < 1)) {
  console.error("--rate-limit must be a positive whole number of requests per minute");
  process.exit(2);
}

async function create(db: Db) {
  const created = await createApiKey(db, { userEmail: values.user!, scopes: values.scopes!, name: values.name, rateLimitPerMinute: rate });
  console.log(`Created API key ${created.id} for ${created.userEmail} with scopes ${created.scopes}. Store it now; it cannot be shown again.`);
  console.log(created.key);
}

async function revoke(db: Db) {
  const key = await revokeApiKey(db, { ...systemActor("Countermand CLI"), via: "cli" }, values.id!);
  console.log(`Revoked API key ${key.id} (${key.name}, ${key.userEmail}) at ${key.revokedAt}.`);
}

// A key may be made before the app first started: bring the schema up to date first (idempotent).
await migrate(env().DATABASE_URL);
const db = createDb();
try {
  await (command === "create" ? create(db) : revoke(db));
} catch (e) {
  console.error(`apikey: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
