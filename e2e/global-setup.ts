// Playwright global setup (playwright.config.ts): one production server for the whole run.
// With E2E_BASE_URL already set, that server is used instead — but only a local one: browser tests
// log in with demo accounts and change data, which must never happen against a real deployment.
import type { FullConfig } from "@playwright/test";
import { startAppServer } from "../tests/support/app-server.ts";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function assertLocalBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`E2E_BASE_URL is not a URL: ${raw}`);
  }
  const host = url.hostname.toLowerCase();
  const local = LOCAL_HOSTS.has(host) || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host);
  if (!local || !/^https?:$/.test(url.protocol)) {
    throw new Error(`Refusing to run browser tests against ${raw}: E2E_BASE_URL must point to localhost/127.0.0.1.`);
  }
  return url;
}

export default async function globalSetup(_config: FullConfig): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.E2E_BASE_URL?.trim();
  if (given) {
    assertLocalBaseUrl(given);
    console.log(`[e2e] using the server at ${given}`);
    return undefined;
  }
  const started = Date.now();
  const server = await startAppServer({ databaseUrl: process.env.E2E_DATABASE_URL?.trim() || undefined });
  console.log(`[e2e] app server ${server.baseUrl} ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.env.E2E_BASE_URL = server.baseUrl;
  process.env.E2E_DATABASE_URL = server.databaseUrl;
  return async () => {
    await server.stop();
  };
}
