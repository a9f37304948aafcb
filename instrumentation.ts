// Next.js calls register() once when the server starts. On the Node.js runtime it starts the
// durable job runner in this process (compensation, fallout, reconciliation); JOB_RUNNER=off leaves
// that to `npm run worker`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInProcessRunner } = await import("./lib/server/jobs/in-process");
  startInProcessRunner();
}
