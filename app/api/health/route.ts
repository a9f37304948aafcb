import { db } from "@/lib/platform/db/client";

export const dynamic = "force-dynamic";

/** Liveness + database reachability, for load balancers and test harnesses. */
export async function GET() {
  try {
    await db().counter.findFirst();
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database unavailable" }, { status: 503 });
  }
}
