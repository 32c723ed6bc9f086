import { apiRoute, baseUrlOf } from "@/lib/http";
import { actorOf, getRun, noSuchRun, runParams } from "@/lib/playground";

// GET /api/playground/runs/[runId] – a run with its panes' live state (the playground polls it).
export const GET = apiRoute({ envelope: "task", auth: "session", params: runParams }, async ({ req, params, user }) => {
  const actor = actorOf(user, req.headers);
  if (!actor) throw noSuchRun(params.runId);
  return getRun(actor, params.runId, baseUrlOf(req));
});
