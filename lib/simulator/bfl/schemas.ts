import { z } from "zod";
import type { ImageFormat } from "../render-image";
import { parseRatio, sizeForRatio, type Size } from "../sizes";
import { fieldProblems, integer, parseOptions, type FieldProblem } from "../validation";
import type { BflModel } from "./models";

// Request bodies per PROTOCOLS.md §1. Like the FastAPI service behind api.bfl.ai: unknown fields are
// ignored, optional ones may be null, and every failing field is reported at once.

export type BflInput = Size & {
  prompt: string;
  seed: number | null;
  format: ImageFormat;
  steps: number | null;
  inputImages: number;
  webhook: { url: string; secret: string | null } | null;
};

const maxArea = 4 * 1024 * 1024;
const seed = integer().nullish();
const webhookFields = { webhook_url: z.url().max(2083).nullish(), webhook_secret: z.string().nullish() };
const ratio = z
  .string()
  .refine((value) => {
    const r = parseRatio(value);
    return r !== null && r <= 21 / 9 + 1e-9 && r >= 9 / 21 - 1e-9;
  }, "aspect ratio must be W:H between 21:9 and 9:21")
  .nullish();

function imageSlots(count: number) {
  const slots: Record<string, z.ZodType> = {};
  for (let i = 1; i <= count; i++) slots[i === 1 ? "input_image" : `input_image_${i}`] = z.string().min(1).nullish();
  return slots;
}

function sampling(model: BflModel) {
  return {
    ...(model.steps ? { steps: integer().min(model.steps.min).max(model.steps.max).nullish() } : {}),
    ...(model.guidance ? { guidance: z.number().min(model.guidance.min).max(model.guidance.max).nullish() } : {}),
  };
}

const flux2Side = z
  .int()
  .multipleOf(16)
  .refine((v) => v === 0 || v >= 64, "must be 0 (automatic) or at least 64")
  .nullish();
const flux1Side = integer().min(256).max(1440).multipleOf(32).nullish();

function schemaFor(model: BflModel) {
  const common = { seed, ...webhookFields, ...sampling(model), prompt_upsampling: z.boolean().nullish() };
  switch (model.family) {
    case "flux-2":
      return z
        .object({
          ...common,
          prompt: z.string().min(1),
          ...imageSlots(8),
          width: flux2Side,
          height: flux2Side,
          disable_pup: z.boolean().nullish(),
          safety_tolerance: integer().min(0).max(5).nullish(),
          output_format: z.enum(["jpeg", "png", "webp"]).nullish(),
        })
        .superRefine((body, ctx) => {
          if ((body.width ?? 0) * (body.height ?? 0) > maxArea)
            ctx.addIssue({ code: "custom", path: ["width"], message: "width x height must be at most 4 megapixels" });
        });
    case "kontext":
      return z.object({
        ...common,
        prompt: z.string().min(1),
        ...imageSlots(4),
        aspect_ratio: ratio,
        safety_tolerance: integer().min(0).max(6).nullish(),
        output_format: z.enum(["jpeg", "png"]).nullish(),
      });
    case "flux-1":
      return z.object({
        ...common,
        prompt: z.string().nullish(),
        image_prompt: z.string().nullish(),
        width: flux1Side,
        height: flux1Side,
        interval: z.number().min(1).max(4).nullish(),
        safety_tolerance: integer().min(0).max(6).nullish(),
        output_format: z.enum(["jpeg", "png"]).nullish(),
      });
    case "ultra":
      return z.object({
        ...common,
        prompt: z.string().nullish(),
        image_prompt: z.string().nullish(),
        image_prompt_strength: z.number().min(0).max(1).nullish(),
        aspect_ratio: ratio,
        raw: z.boolean().nullish(),
        safety_tolerance: integer().min(0).max(6).nullish(),
        output_format: z.enum(["jpeg", "png"]).nullish(),
      });
  }
}

type AnyBody = Record<string, unknown>;

function sizeOf(model: BflModel, body: AnyBody): Size {
  const ratioOf = (fallback: string) => parseRatio(typeof body.aspect_ratio === "string" ? body.aspect_ratio : fallback)!;
  if (model.family === "kontext") return sizeForRatio(ratioOf("1:1"), 1, 16);
  if (model.family === "ultra") return sizeForRatio(ratioOf("16:9"), 4, 32);
  const width = typeof body.width === "number" && body.width > 0 ? body.width : null;
  const height = typeof body.height === "number" && body.height > 0 ? body.height : null;
  if (model.family === "flux-1") return { width: width ?? 1024, height: height ?? 768 };
  // FLUX.2 picks the size itself when both are automatic; one given side makes it square.
  return { width: width ?? height ?? 1024, height: height ?? width ?? 1024 };
}

export type BflParse = { ok: true; input: BflInput } | { ok: false; problems: FieldProblem[] };

export function parseBflInput(model: BflModel, raw: unknown): BflParse {
  const parsed = schemaFor(model).safeParse(raw, parseOptions);
  if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error) };
  const body = parsed.data as AnyBody;
  const defaultFormat: ImageFormat = model.family === "kontext" ? "png" : "jpeg";
  const webhookUrl = typeof body.webhook_url === "string" ? body.webhook_url : null;
  return {
    ok: true,
    input: {
      ...sizeOf(model, body),
      prompt: typeof body.prompt === "string" ? body.prompt : "",
      seed: typeof body.seed === "number" ? body.seed : null,
      format: (body.output_format as ImageFormat | null | undefined) ?? defaultFormat,
      steps: typeof body.steps === "number" ? body.steps : (model.steps?.default ?? null),
      inputImages: Object.keys(body).filter((k) => /^input_image(_\d)?$/.test(k) && body[k]).length,
      webhook: webhookUrl ? { url: webhookUrl, secret: typeof body.webhook_secret === "string" ? body.webhook_secret : null } : null,
    },
  };
}
