import { apiRoute, baseUrlOf } from "@/lib/http";
import { actorOf, limitGuestRuns, noSuchRun, paneParams, rerunPane } from "@/lib/playground";
import { clientAddress } from "@/lib/ratelimit";

// POST /api/playground/runs/[runId]/panes/[paneId]/rerun – run one finished pane again as a new task.
export const POST = apiRoute({ envelope: "task", auth: "session", params: paneParams }, async ({ req, params, user }) => {
  const actor = actorOf(user, req.headers);
  if (!actor) throw noSuchRun(params.runId);
  if (actor.kind === "guest") await limitGuestRuns(clientAddress(req.headers));
  return rerunPane(actor, params.runId, params.paneId, baseUrlOf(req));
});
