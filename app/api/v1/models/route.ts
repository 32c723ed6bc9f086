import { pricingModel } from "@/lib/billing/pricing-model";
import { listVariants } from "@/lib/catalog";
import { listModelsQuery, modelListSchema, toModelObject } from "@/lib/catalog/model-object";
import { apiRoute } from "@/lib/http";

// GET /api/v1/models (also /v1/models): the catalog in the OpenAI list shape.
export const GET = apiRoute(
  { envelope: "openai", query: listModelsQuery, doc: { summary: "List models (OpenAI list shape)", tags: ["Models"], response: modelListSchema } },
  async ({ query }) => {
    const variants = await listVariants({ modality: query.modality, provider: query.provider, task: query.task, sort: "name" });
    return { object: "list", data: variants.map((v) => toModelObject(v, pricingModel())) };
  },
);
