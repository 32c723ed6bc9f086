import { checkDatabase } from "@/lib/db/health";
import pkg from "@/package.json";

// GET /api/health: for load balancers and humans. 503 while the database is unreachable.
export async function GET(): Promise<Response> {
  const database = await checkDatabase();
  const ok = database.reachable;
  return Response.json(
    { status: ok ? "ok" : "degraded", version: pkg.version, database },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
