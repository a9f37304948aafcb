// `npm run db:seed`: loads the demo data into DATABASE_URL (idempotent). Refuses when demo mode is off.
import { env } from "../lib/platform/config/env.ts";
import { createDb } from "../lib/platform/db/client.ts";
import { loadDemoData } from "../lib/modules/demo/server/load-demo-data.ts";

if (!env().DEMO_MODE) {
  console.error("Refusing to load demo data: DEMO_MODE=false (this looks like a production database).");
  process.exit(1);
}
const db = createDb();
await loadDemoData(db, (s) => console.log(`[demo] ${s}`));
await db.$disconnect();
