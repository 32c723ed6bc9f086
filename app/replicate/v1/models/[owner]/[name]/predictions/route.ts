import { apiRoute, baseUrlOf } from "@/lib/http";
import { createPrediction, createPredictionBody, modelParams, preferWaitSec } from "@/lib/replicate";

// POST /replicate/v1/models/{owner}/{name}/predictions: what replicate.run("owner/name") and
// predictions.create({model}) send; `Prefer: wait[=N]` holds the answer up to N (60) s.
export const POST = apiRoute(
  { envelope: "replicate", auth: "apiKey", scope: "generate", params: modelParams, body: createPredictionBody, successStatus: 201 },
  async ({ req, params, body, key }) =>
    createPrediction({
      key,
      owner: params.owner,
      name: params.name,
      body,
      waitSec: preferWaitSec(req.headers.get("prefer")),
      baseUrl: baseUrlOf(req),
    }),
);
