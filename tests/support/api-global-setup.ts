// vitest globalSetup for the `api` project (vitest.config.ts): starts ONE production server for
// the whole project and stops it afterwards. Tests reach it through vitest's provide/inject:
//
//   import { inject } from "vitest";
//   import { createApiKey } from "../support/app-server.ts";
//
//   const baseUrl = inject("TEST_BASE_URL");          // e.g. http://127.0.0.1:41234
//   const databaseUrl = inject("TEST_DATABASE_URL");  // the database that server uses
//   const key = await createApiKey(databaseUrl, "ops@example.com", ["orders:read"]);
//   const res = await fetch(`${baseUrl}/api/v1/orders`, { headers: { authorization: `Bearer ${key}` } });
//
// The server runs on a fresh SQLite file with demo data (scripts/prepare-db.ts), or on
// TEST_APP_DATABASE_URL when that is set (e.g. a fresh PostgreSQL database; .ci/run does this).
// It needs the production build in .next-test (`NEXT_DIST_DIR=.next-test npx next build`; npm test
// builds it unless SKIP_BUILD=1). Tests share the server and its data: create what you need with
// unique names rather than assuming an untouched database.
import type { TestProject } from "vitest/node";
import { startAppServer } from "./app-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    TEST_BASE_URL: string;
    TEST_DATABASE_URL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databaseUrl = process.env.TEST_APP_DATABASE_URL?.trim() || undefined;
  const started = Date.now();
  const server = await startAppServer({ databaseUrl });
  const where = databaseUrl ? databaseUrl.replace(/(\/\/[^:@/]*):[^@/]*@/, "$1:***@") : "fresh SQLite";
  console.log(`[api] app server ${server.baseUrl} on ${where} ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  project.provide("TEST_BASE_URL", server.baseUrl);
  project.provide("TEST_DATABASE_URL", server.databaseUrl);
  // Also visible to code that reads the environment (this process and workers started after this).
  process.env.TEST_BASE_URL = server.baseUrl;
  process.env.TEST_DATABASE_URL = server.databaseUrl;
  return async () => {
    await server.stop();
  };
}
