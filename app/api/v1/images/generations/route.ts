import { apiRoute, baseUrlOf } from "@/lib/http";
import { generateImages, imagesGenerationBody } from "@/lib/tasks/openai-images";

// POST /v1/images/generations (and /api/v1/...): the OpenAI images API; one task and one charge per image.
export const POST = apiRoute(
  { envelope: "openai", auth: "apiKey", scope: "generate", body: imagesGenerationBody },
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
