import { AppError } from "@/lib/errors";
import { apiRoute, baseUrlOf } from "@/lib/http";
import { listPredictions, listPredictionsQuery } from "@/lib/replicate";

// GET /replicate/v1/predictions: the account's predictions, newest first, in cursor pages.
export const GET = apiRoute(
  { envelope: "replicate", auth: "apiKey", scope: ["read", "generate"], query: listPredictionsQuery },
  async ({ req, query, key }) => listPredictions(key.accountId, baseUrlOf(req), query.cursor),
);

// POST /replicate/v1/predictions names a model version; models here have no versions to pick from.
export const POST = apiRoute(
  { envelope: "replicate", auth: "apiKey", scope: "generate" },
  async () => {
    throw new AppError(
      "validation_error",
      'version: models here are run by name, not by version: call replicate.run("owner/name") or POST /replicate/v1/models/{owner}/{name}/predictions.',
      { param: "version", issues: [{ path: "version", message: "is not supported; run the model by name" }] },
    );
  },
);
