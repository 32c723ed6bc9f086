import { AppError } from "@/lib/errors";
import { apiRoute, baseUrlOf } from "@/lib/http";
import { generateImages, imagesEditBody, imagesResponseSchema } from "@/lib/tasks/openai-images";

// POST /v1/images/edits (multipart, as the openai SDK sends it): image-to-image and edit models.
export const POST = apiRoute(
  {
    envelope: "openai",
    auth: "apiKey",
    scope: "generate",
    body: imagesEditBody,
    bodyFormat: "form",
    maxBodyBytes: 50 * 1024 * 1024,
    doc: {
      summary: "Edit images (OpenAI-compatible, multipart)",
      tags: ["OpenAI-compatible"],
      response: imagesResponseSchema,
      errors: ["not_found", "feature_disabled", "maintenance", "service_unavailable", "insufficient_credits", "spend_cap_reached", "key_limit_exceeded", "unsupported_media_type", "generation_failed", "upstream_error", "gateway_timeout"],
    },
  },
  async ({ req, body, key }) => {
    if (body.mask !== undefined) {
      throw new AppError("validation_error", "mask: masks are not supported; describe the change in the prompt instead.", { param: "mask" });
    }
    return generateImages({
      key,
      model: body.model,
      prompt: body.prompt,
      n: body.n,
      size: body.size,
      responseFormat: body.response_format,
      extra: { output_format: body.output_format, background: body.background },
      images: [body.image].flat(),
      baseUrl: baseUrlOf(req),
    });
  },
);
