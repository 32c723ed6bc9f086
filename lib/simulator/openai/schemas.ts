import { z } from "zod";
import type { Pace } from "../durations";
import { integer, type FieldProblem } from "../validation";

// api.openai.com/v1 images: request bodies are strict (an unknown parameter is a 400), and each
// model takes its own sizes and qualities.

export type OpenAiModel = {
  family: "gpt-image" | "dall-e";
  sizes: string[];
  qualities: string[];
  maxN: number;
  maxPromptChars: number;
  maxEditImages: number;
  pace: (quality: string) => Pace;
};

const gptImage: OpenAiModel = {
  family: "gpt-image",
  sizes: ["1024x1024", "1024x1536", "1536x1024", "auto"],
  qualities: ["low", "medium", "high", "auto"],
  maxN: 10,
  maxPromptChars: 32_000,
  maxEditImages: 16,
  pace: (quality) => ({ fixedMs: quality === "low" ? 2_000 : quality === "high" ? 7_000 : 4_000 }),
};

export const openAiModels: Record<string, OpenAiModel> = {
  "gpt-image-1": gptImage,
  "gpt-image-1.5": gptImage,
  "gpt-image-1-mini": { ...gptImage, pace: () => ({ fixedMs: 2_000 }) },
  "dall-e-3": {
    family: "dall-e",
    sizes: ["1024x1024", "1792x1024", "1024x1792"],
    qualities: ["standard", "hd"],
    maxN: 1,
    maxPromptChars: 4_000,
    maxEditImages: 0,
    pace: () => ({ fixedMs: 5_000 }),
  },
  "dall-e-2": {
    family: "dall-e",
    sizes: ["256x256", "512x512", "1024x1024"],
    qualities: ["standard"],
    maxN: 10,
    maxPromptChars: 1_000,
    maxEditImages: 1,
    pace: () => ({ fixedMs: 2_000 }),
  },
};

const common = {
  model: z.string().nullish(),
  prompt: z.string().min(1),
  n: integer().min(1).max(10).nullish(),
  size: z.string().nullish(),
  quality: z.string().nullish(),
  background: z.enum(["transparent", "opaque", "auto"]).nullish(),
  output_format: z.enum(["png", "jpeg", "webp"]).nullish(),
  output_compression: integer().min(0).max(100).nullish(),
  response_format: z.enum(["url", "b64_json"]).nullish(),
  moderation: z.enum(["low", "auto"]).nullish(),
  user: z.string().nullish(),
  stream: z.boolean().nullish(),
  partial_images: integer().min(0).max(3).nullish(),
};

export const generationBody = z.strictObject({ ...common, style: z.enum(["vivid", "natural"]).nullish() });

const imageReference = z.strictObject({ image_url: z.string().min(1).nullish(), file_id: z.string().min(1).nullish() });

/** Edits arrive as multipart (files counted before parsing) or as JSON with image references. */
export const editBody = z.strictObject({
  ...common,
  input_fidelity: z.enum(["high", "low"]).nullish(),
  images: z.array(imageReference).min(1).nullish(),
  mask: imageReference.nullish(),
});

export type GenerationBody = z.infer<typeof generationBody>;

export type OpenAiErrorBody = { error: { message: string; type: string; param: string | null; code: string | null } };

export function openAiError(message: string, param: string | null, code: string | null, type = "invalid_request_error"): OpenAiErrorBody {
  return { error: { message, type, param, code } };
}

const typeWords: Record<string, string> = {
  int_type: "an integer",
  float_type: "a number",
  string_type: "a string",
  bool_type: "a boolean",
  list_type: "an array",
  dict_type: "an object",
};

/** OpenAI names one problem per answer: the first. */
export function problemError(problem: FieldProblem): OpenAiErrorBody {
  const param = problem.path.join(".");
  const ctx = problem.ctx ?? {};
  const input = problem.input;
  switch (problem.type) {
    case "missing":
      return openAiError(`Missing required parameter: '${param}'.`, param, "missing_required_parameter");
    case "extra_forbidden":
      return openAiError(`Unknown parameter: '${param}'.`, param, "unknown_parameter");
    case "enum":
      return openAiError(`Invalid value: '${String(input)}'. Supported values are: ${String(ctx.expected)}.`, param, "invalid_value");
    case "less_than_equal":
      return openAiError(
        `Invalid '${param}': integer above maximum value. Expected a value <= ${ctx.le}, but got ${String(input)} instead.`,
        param,
        "integer_above_max_value",
      );
    case "greater_than_equal":
      return openAiError(
        `Invalid '${param}': integer below minimum value. Expected a value >= ${ctx.ge}, but got ${String(input)} instead.`,
        param,
        "integer_below_min_value",
      );
    case "string_too_short":
      return openAiError(
        `Invalid '${param}': empty string. Expected a string with minimum length 1, but got an empty string instead.`,
        param,
        "empty_string",
      );
    default:
      if (typeWords[problem.type]) {
        const message = `Invalid type for '${param}': expected ${typeWords[problem.type]}, but got ${typeof input} instead.`;
        return openAiError(message, param, "invalid_type");
      }
      return openAiError(`Invalid '${param}': ${problem.msg}.`, param, "invalid_value");
  }
}

const quote = (values: string[]) => values.map((v) => `'${v}'`).join(", ");

/** The checks that depend on the model, after the body parsed. */
export function modelProblem(model: OpenAiModel, body: GenerationBody & { input_fidelity?: string | null }): OpenAiErrorBody | null {
  if (body.prompt.length > model.maxPromptChars) {
    return openAiError(
      `Invalid 'prompt': string too long. Expected a string with maximum length ${model.maxPromptChars}, but got a string with length ${body.prompt.length} instead.`,
      "prompt",
      "string_above_max_length",
    );
  }
  if (body.size && !model.sizes.includes(body.size))
    return openAiError(`Invalid value: '${body.size}'. Supported values are: ${quote(model.sizes)}.`, "size", "invalid_value");
  if (body.quality && !model.qualities.includes(body.quality))
    return openAiError(`Invalid value: '${body.quality}'. Supported values are: ${quote(model.qualities)}.`, "quality", "invalid_value");
  if ((body.n ?? 1) > model.maxN)
    return openAiError(`Invalid 'n': this model supports at most n=${model.maxN}.`, "n", "invalid_value");
  if (model.family === "gpt-image" && body.response_format === "url")
    return openAiError(
      "Unsupported value: 'response_format' does not support 'url' with this model.",
      "response_format",
      "unsupported_value",
    );
  if (body.background === "transparent" && body.output_format === "jpeg")
    return openAiError("Transparent background is not supported for the jpeg output format.", "background", "invalid_value");
  if (body.stream) return openAiError("The simulator does not stream image generations.", "stream", "unsupported_value");
  return null;
}
