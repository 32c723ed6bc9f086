import { resolveVariant } from "@/lib/catalog";
import { toModelObject } from "@/lib/catalog/model-object";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http";

// GET /api/v1/models/{id}: any slug form (ids like black-forest-labs/flux-2-flex contain a slash).
export const GET = apiRoute({ envelope: "openai" }, async ({ params }) => {
  const id = [params.id ?? []].flat().map(decodeURIComponent).join("/");
  const found = await resolveVariant(id);
  if (!found || found.variant.status === "disabled") {
    throw new AppError("not_found", `The model '${id}' does not exist. GET /v1/models lists the available models.`, {
      param: "model",
    });
  }
  return toModelObject(found.variant);
});
