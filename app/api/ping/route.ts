// GET /api/ping: liveness only, with no database and no auth (/api/health checks the database). The
// benchmarks also use it as the bare cost of a Next.js route on the same server.
export function GET(): Response {
  return Response.json({ ok: true });
}
