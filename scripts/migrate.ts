import { env } from "../lib/config/env.ts";
import { migrate } from "../lib/db/migrate.ts";

const url = env().DATABASE_URL;
const result = await migrate(url);
console.log(
  `[db] ${result.engine}: ${result.applied.length ? `applied ${result.applied.join(", ")}` : "up to date"} (${result.alreadyApplied} previously applied)`,
);
