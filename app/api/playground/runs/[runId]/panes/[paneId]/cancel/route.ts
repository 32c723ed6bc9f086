import { apiRoute, baseUrlOf } from "@/lib/http";
import { actorOf, cancelPane, noSuchRun, paneParams } from "@/lib/playground";

// POST /api/playground/runs/[runId]/panes/[paneId]/cancel – cancel a pane that has not started generating.
export const POST = apiRoute({ envelope: "task", auth: "session", params: paneParams }, async ({ req, params, user }) => {
  const actor = actorOf(user, req.headers);
  if (!actor) throw noSuchRun(params.runId);
  return cancelPane(actor, params.runId, params.paneId, baseUrlOf(req));
});
