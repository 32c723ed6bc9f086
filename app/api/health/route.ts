import { checkDatabase, isHealthTokenValid } from "@/lib/db/health";
import pkg from "@/package.json";

// GET /api/health: reachability for load balancers and anyone; versions and latency only with
// HEALTH_TOKEN, since they tell an attacker which vulnerabilities to try. 503 while the database
// is unreachable.
export async function GET(req: Request): Promise<Response> {
  const database = await checkDatabase();
  const ok = database.reachable;
  const detailed = isHealthTokenValid(req.headers.get("authorization"));
  const body = detailed
    ? { status: ok ? "ok" : "degraded", version: pkg.version, database }
    : { status: ok ? "ok" : "degraded", database: { reachable: database.reachable } };
  return Response.json(body, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
