import { apiRoute, baseUrlOf } from "@/lib/http";
import { actorOrNewGuest, createRun, limitGuestRuns, listRuns, signedIn } from "@/lib/playground";
import { createRunSchema, historyQuerySchema } from "@/lib/playground/contract";
import { clientAddress } from "@/lib/ratelimit";

// POST /api/playground/runs – start every pane of a comparison; signed-out visitors run on the simulator.
export const POST = apiRoute(
  { envelope: "task", auth: "session", body: createRunSchema, maxBodyBytes: 16 * 1024 * 1024 },
  async ({ req, body, user, responseHeaders }) => {
    const { actor, setCookie } = actorOrNewGuest(user, req);
    if (setCookie) responseHeaders["Set-Cookie"] = setCookie;
    if (actor.kind === "guest" && body.mode === "test") await limitGuestRuns(clientAddress(req.headers));
    return createRun(actor, body, baseUrlOf(req));
  },
);

// GET /api/playground/runs – the signed-in account's runs, newest first, searchable and filterable.
export const GET = apiRoute({ envelope: "task", auth: "session", query: historyQuerySchema }, async ({ req, query, user }) =>
  listRuns(signedIn(user, "keep a history of your playground runs"), query, baseUrlOf(req)),
);
