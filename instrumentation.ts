// Next.js calls register() once when the server starts, before it handles requests. On the Node.js
// runtime it wires the features together (lib/wiring.ts) and starts the durable job runner in this
// process (compensation, fallout, reconciliation); JOB_RUNNER=off leaves that to `npm run worker`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { wiring } = await import("./lib/wiring");
  wiring();
  const { startInProcessRunner } = await import("./lib/platform/jobs/in-process");
  startInProcessRunner();
}
