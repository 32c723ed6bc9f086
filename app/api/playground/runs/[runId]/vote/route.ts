import { apiRoute, baseUrlOf } from "@/lib/http";
import { actorOf, noSuchRun, runParams, voteRun } from "@/lib/playground";
import { voteSchema } from "@/lib/playground/contract";

// POST /api/playground/runs/[runId]/vote – pick the winner (or none) and a note; reveals a blind run.
export const POST = apiRoute({ envelope: "task", auth: "session", params: runParams, body: voteSchema }, async ({ req, params, body, user }) => {
  const actor = actorOf(user, req.headers);
  if (!actor) throw noSuchRun(params.runId);
  return voteRun(actor, params.runId, body, baseUrlOf(req));
});
