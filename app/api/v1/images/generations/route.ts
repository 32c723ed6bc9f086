import { apiRoute, baseUrlOf } from "@/lib/http";
import { generateImages, imagesGenerationBody, imagesResponseSchema } from "@/lib/tasks/openai-images";

// POST /v1/images/generations (and /api/v1/...): the OpenAI images API; one task and one charge per image.
export const POST = apiRoute(
  {
    envelope: "openai",
    auth: "apiKey",
    scope: "generate",
    body: imagesGenerationBody,
    doc: {
      summary: "Generate images (OpenAI-compatible)",
      description: "The official openai SDKs call this unchanged with `baseURL` set to this server's /v1. One task and one charge per image (`n`).",
      tags: ["OpenAI-compatible"],
      response: imagesResponseSchema,
      errors: ["not_found", "feature_disabled", "maintenance", "service_unavailable", "insufficient_credits", "spend_cap_reached", "key_limit_exceeded", "generation_failed", "upstream_error", "gateway_timeout"],
      example: { model: "flux-2-pro", prompt: "a lighthouse at dawn, watercolor", size: "1024x1024" },
    },
  },
  async ({ req, body, key }) =>
    generateImages({
      key,
      model: body.model,
      prompt: body.prompt,
      n: body.n,
      size: body.size,
      responseFormat: body.response_format,
      extra: { seed: body.seed, output_format: body.output_format, background: body.background },
      baseUrl: baseUrlOf(req),
    }),
);
