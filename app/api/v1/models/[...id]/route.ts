import { pricingModel } from "@/lib/billing/pricing-model";
import { resolveVariant } from "@/lib/catalog";
import { modelObjectSchema, toModelObject } from "@/lib/catalog/model-object";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http";

/**
 * Next hands catch-all segments over with `%2F` still encoded (the openai SDK encodes the slash in
 * `black-forest-labs/flux-2-flex`), so each segment is decoded once more here; a malformed escape
 * or a NUL is the client's mistake, never a 500.
 */
function modelId(segments: string | string[] | undefined): string {
  try {
    const id = [segments ?? []].flat().map(decodeURIComponent).join("/");
    if (!id.includes("\u0000")) return id;
  } catch {
    // Falls through to the same answer as a NUL.
  }
  throw new AppError("bad_request", "The model id in the URL is not valid percent-encoding.", { param: "model" });
}

// GET /api/v1/models/{id}: any slug form (ids like black-forest-labs/flux-2-flex contain a slash).
export const GET = apiRoute(
  {
    envelope: "openai",
    doc: { summary: "Get a model with its parameters and price", description: "Any slug form works: `flux-2-flex`, `black-forest-labs/flux-2-flex`.", tags: ["Models"], response: modelObjectSchema, errors: ["not_found"] },
  },
  async ({ params }) => {
    const id = modelId(params.id);
    const found = await resolveVariant(id);
    if (!found || found.variant.status === "disabled") {
      throw new AppError("not_found", `The model '${id}' does not exist. GET /v1/models lists the available models.`, {
        param: "model",
      });
    }
    return toModelObject(found.variant, pricingModel());
  },
);
