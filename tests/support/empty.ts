// Stand-in for the `server-only` package under vitest (see vitest.config.ts): server modules import it
// to fail loudly when bundled for the browser; tests run on the server side anyway.
export {};
