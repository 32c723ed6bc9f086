import { apiRoute, baseUrlOf } from "@/lib/http";
import { getPrediction, predictionParams } from "@/lib/replicate";

// GET /replicate/v1/predictions/{id}: what the client's wait() polls.
export const GET = apiRoute(
  { envelope: "replicate", auth: "apiKey", scope: ["read", "generate"], params: predictionParams },
  async ({ req, params, key }) => getPrediction(key.accountId, params.id, baseUrlOf(req)),
);
