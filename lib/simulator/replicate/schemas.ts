import { z } from "zod";
import type { ImageFormat } from "../render-image";
import { parseRatio, sizeForRatio, type Size } from "../sizes";
import { fieldProblems, integer, parseOptions, type FieldProblem } from "../validation";
import type { ReplicateModel } from "./models";

export type ReplicateInput = Size & {
  prompt: string;
  seed: number | null;
  format: ImageFormat;
  steps: number | null;
};

export const webhookEvents = ["start", "output", "logs", "completed"] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const predictionRequest = z.object({
  input: z.record(z.string(), z.unknown()),
  /** POST /v1/predictions names the model by version: a version id or `owner/name:version`. */
  version: z.string().nullish(),
  webhook: z.url().nullish(),
  webhook_events_filter: z.array(z.enum(webhookEvents)).nullish(),
  stream: z.boolean().nullish(),
});

const flux2Ratios = ["1:1", "16:9", "3:2", "2:3", "4:5", "5:4", "9:16", "3:4", "4:3", "match_input_image", "custom"] as const;
const resolutions = { "match_input_image": 1, "0.5 MP": 0.5, "1 MP": 1, "2 MP": 2, "4 MP": 4 } as const;
const side = integer().min(256).max(2048).multipleOf(32).nullish();

function schemaFor(model: ReplicateModel) {
  const formats = z.enum(model.formats as [string, ...string[]]).nullish();
  if (model.schema === "common") {
    return z.object({
      prompt: z.string().min(1),
      seed: integer().nullish(),
      aspect_ratio: z
        .string()
        .refine((r) => r === "match_input_image" || r === "custom" || parseRatio(r) !== null, "aspect_ratio must look like 16:9")
        .nullish(),
      width: side,
      height: side,
      output_format: formats,
    });
  }
  return z
    .object({
      prompt: z.string().min(1),
      input_images: z.array(z.string().min(1)).max(model.maxImages).nullish(),
      aspect_ratio: z.enum(flux2Ratios).nullish(),
      resolution: z.enum(Object.keys(resolutions) as [keyof typeof resolutions]).nullish(),
      width: side,
      height: side,
      safety_tolerance: integer().min(1).max(5).nullish(),
      seed: integer().nullish(),
      output_format: formats,
      output_quality: integer().min(0).max(100).nullish(),
      ...(model.flex
        ? {
            steps: integer().min(1).max(50).nullish(),
            guidance: z.number().min(1.5).max(10).nullish(),
            prompt_upsampling: z.boolean().nullish(),
          }
        : {}),
    })
    .superRefine((input, ctx) => {
      if (input.aspect_ratio !== "custom") return;
      for (const key of ["width", "height"] as const)
        if (input[key] == null) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required when aspect_ratio is custom` });
    });
}

function sizeOf(model: ReplicateModel, input: Record<string, unknown>): Size {
  const ratio = typeof input.aspect_ratio === "string" ? input.aspect_ratio : model.defaultRatio;
  if (ratio === "custom" && typeof input.width === "number" && typeof input.height === "number") {
    return { width: input.width, height: input.height };
  }
  const mp = typeof input.resolution === "string" ? resolutions[input.resolution as keyof typeof resolutions] : model.megapixels;
  // The simulator never fetches input images, so "match_input_image" renders square.
  return sizeForRatio(parseRatio(ratio) ?? 1, mp ?? 1, 32);
}

export type ReplicateParse = { ok: true; input: ReplicateInput } | { ok: false; problems: FieldProblem[] };

export function parseReplicateInput(model: ReplicateModel, raw: Record<string, unknown>): ReplicateParse {
  const parsed = schemaFor(model).safeParse(raw, parseOptions);
  if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error) };
  const input = parsed.data as Record<string, unknown>;
  const format = (input.output_format as string | null | undefined) ?? model.defaultFormat;
  return {
    ok: true,
    input: {
      ...sizeOf(model, input),
      prompt: input.prompt as string,
      seed: typeof input.seed === "number" ? input.seed : null,
      format: format === "jpg" ? "jpeg" : (format as ImageFormat),
      steps: typeof input.steps === "number" ? input.steps : model.flex ? 30 : null,
    },
  };
}

function describe(problem: FieldProblem): { type: string; description: string } {
  const ctx = problem.ctx ?? {};
  switch (problem.type) {
    case "missing":
      return { type: "required", description: `${problem.path.at(-1)} is required` };
    case "less_than_equal":
      return { type: "less_than_equal", description: `Must be less than or equal to ${ctx.le}` };
    case "greater_than_equal":
      return { type: "greater_than_equal", description: `Must be greater than or equal to ${ctx.ge}` };
    case "multiple_of":
      return { type: "multiple_of", description: `Must be a multiple of ${ctx.multiple_of}` };
    case "enum":
      return { type: "enum", description: `${problem.path.at(-1)} must be one of the following: ${String(ctx.expected)}` };
    case "too_long":
      return { type: "array_max_items", description: `Array must have at most ${ctx.max_length} items` };
    default:
      return problem.type.endsWith("_type")
        ? { type: "invalid_type", description: `Invalid type. Expected: ${problem.type.replace(/_type$/, "")}` }
        : { type: problem.type, description: problem.msg.replace(/^Value error, /, "") };
  }
}

/** Replicate's 422: a problem-details body listing each invalid field, under `input.` for model inputs. */
export function invalidInputBody(problems: FieldProblem[], root = "input") {
  const invalidFields = problems.map((problem) => {
    const { type, description } = describe(problem);
    const path = problem.type === "missing" ? problem.path.slice(0, -1) : problem.path;
    return { type, field: [root, ...path].filter((s) => s !== "").join(".") || "(root)", description };
  });
  return {
    detail: invalidFields.map((f) => `- ${f.field}: ${f.description}\n`).join(""),
    status: 422,
    title: "Input validation failed",
    invalid_fields: invalidFields,
  };
}
