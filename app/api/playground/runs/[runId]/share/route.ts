import { apiRoute, baseUrlOf } from "@/lib/http";
import { runParams, shareRun, signedIn, unshareRun } from "@/lib/playground";

// POST /api/playground/runs/[runId]/share – a public read-only link to the run (the same one if already shared).
export const POST = apiRoute({ envelope: "task", auth: "session", params: runParams }, async ({ req, params, user }) =>
  shareRun(signedIn(user, "share a playground run"), params.runId, baseUrlOf(req)),
);

// DELETE /api/playground/runs/[runId]/share – withdraw the link; it answers 404 from then on.
export const DELETE = apiRoute({ envelope: "task", auth: "session", params: runParams }, async ({ req, params, user }) =>
  unshareRun(signedIn(user, "share a playground run"), params.runId, baseUrlOf(req)),
);
