import { z } from "zod";
import type { ImageFormat } from "../render-image";
import { parseRatio, sizeForRatio, type Size } from "../sizes";
import { fieldProblems, integer, parseOptions, type FieldProblem } from "../validation";
import { falPresets, type FalEndpoint } from "./endpoints";

export type FalInput = Size & {
  prompt: string;
  seed: number | null;
  numImages: number;
  format: ImageFormat;
  steps: number | null;
  /** Return the images inline as data URIs instead of URLs. */
  syncMode: boolean;
};

const presetNames = Object.keys(falPresets) as [keyof typeof falPresets, ...(keyof typeof falPresets)[]];
const openAiSizes = ["auto", "1024x1024", "1536x1024", "1024x1536"] as const;
const maxArea = 4 * 1024 * 1024;
const side = integer().min(64).max(4096);
const urlList = (max: number) => z.array(z.string().min(1)).min(1).max(max);

function schemaFor(endpoint: FalEndpoint) {
  const { steps, guidance, formats } = endpoint;
  const sizeFields =
    endpoint.size === "image_size"
      ? {
          image_size: z
            .union([z.enum(presetNames), z.object({ width: side, height: side })])
            .refine((s) => typeof s === "string" || s.width * s.height <= maxArea, "image_size must be at most 4 megapixels")
            .nullish(),
        }
      : endpoint.size === "aspect_ratio"
        ? { aspect_ratio: z.string().refine((r) => parseRatio(r) !== null, "aspect_ratio must look like 16:9").nullish() }
        : {
            image_size: z.enum(openAiSizes).nullish(),
            quality: z.enum(["low", "medium", "high"]).nullish(),
            background: z.enum(["auto", "transparent", "opaque"]).nullish(),
          };
  const imageFields =
    endpoint.images === "image_urls"
      ? { image_urls: urlList(endpoint.maxImages ?? 1) }
      : endpoint.images === "reference_image_urls"
        ? { reference_image_urls: urlList(endpoint.maxImages ?? 1) }
        : endpoint.images === "image_url"
          ? { image_url: z.string().min(1) }
          : {};
  return z.object({
    prompt: z.string().min(1),
    seed: integer().nullish(),
    num_images: integer().min(1).max(4).nullish(),
    sync_mode: z.boolean().nullish(),
    enable_safety_checker: z.boolean().nullish(),
    enable_prompt_expansion: z.boolean().nullish(),
    safety_tolerance: z.enum(["1", "2", "3", "4", "5", "6"]).nullish(),
    negative_prompt: z.string().nullish(),
    ...(formats.length > 1 ? { output_format: z.enum(formats as [ImageFormat, ...ImageFormat[]]).nullish() } : {}),
    ...(steps ? { num_inference_steps: integer().min(steps.min).max(steps.max).nullish() } : {}),
    ...(guidance ? { guidance_scale: z.number().min(guidance.min).max(guidance.max).nullish() } : {}),
    ...sizeFields,
    ...imageFields,
  });
}

function sizeOf(endpoint: FalEndpoint, body: Record<string, unknown>): Size {
  if (endpoint.size === "aspect_ratio") {
    const ratio = parseRatio(typeof body.aspect_ratio === "string" ? body.aspect_ratio : endpoint.defaultSize)!;
    return sizeForRatio(ratio, endpoint.ratioMp ?? 1, 16);
  }
  const requested = body.image_size ?? endpoint.defaultSize;
  if (typeof requested === "object" && requested !== null) return requested as Size;
  if (endpoint.size === "openai") {
    const [width, height] = (requested === "auto" ? "1024x1024" : String(requested)).split("x").map(Number);
    return { width: width!, height: height! };
  }
  return falPresets[requested as keyof typeof falPresets];
}

export type FalParse = { ok: true; input: FalInput } | { ok: false; problems: FieldProblem[] };

export function parseFalInput(endpoint: FalEndpoint, raw: unknown): FalParse {
  const parsed = schemaFor(endpoint).safeParse(raw, parseOptions);
  if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error) };
  const body = parsed.data as Record<string, unknown>;
  return {
    ok: true,
    input: {
      ...sizeOf(endpoint, body),
      prompt: body.prompt as string,
      seed: typeof body.seed === "number" ? body.seed : null,
      numImages: typeof body.num_images === "number" ? body.num_images : 1,
      format: (body.output_format as ImageFormat | null | undefined) ?? endpoint.defaultFormat,
      steps: typeof body.num_inference_steps === "number" ? body.num_inference_steps : (endpoint.steps?.default ?? null),
      syncMode: body.sync_mode === true,
    },
  };
}
