import { apiRoute, baseUrlOf } from "@/lib/http";
import { cancelPrediction, predictionParams } from "@/lib/replicate";

// POST /replicate/v1/predictions/{id}/cancel: cancels a prediction that has not started generating.
export const POST = apiRoute(
  { envelope: "replicate", auth: "apiKey", scope: "generate", params: predictionParams },
  async ({ req, params, key }) => cancelPrediction(key.accountId, params.id, baseUrlOf(req)),
);
