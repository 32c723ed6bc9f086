import "server-only";
import { z } from "zod";
import { aspectRatioForSize, parseSize, sizesFor } from "@/lib/catalog/size";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { KeyContext } from "@/lib/keys";
import { inspectImage, UnsupportedImageError } from "@/lib/media";
import { mediaStorage } from "@/lib/media/configured";
import { insertTask, parseInput, variantForRequest } from "./create";
import type { GenerationVariant } from "./variants";
import { mediaUrl } from "./view";
import { waitForTasks } from "./wait";

// The OpenAI images API (PROTOCOLS.md §5) over tasks: one task and one charge per image, and the
// answer waits for them, as the official SDK expects.

const common = {
  model: z.string({ error: "is required" }).trim().min(1, "is required").max(200),
  prompt: z.string({ error: "is required" }).min(1, "is required").max(32_000),
  size: z.string().trim().max(20).optional(),
  response_format: z.enum(["url", "b64_json"]).default("url"),
  output_format: z.enum(["png", "jpeg", "webp"]).optional(),
  background: z.enum(["auto", "transparent", "opaque"]).optional(),
  quality: z.string().max(20).optional(),
  user: z.string().max(256).optional(),
};

export const imagesGenerationBody = z.object({
  ...common,
  n: z.number().int().min(1, "must be 1 to 4").max(4, "must be 1 to 4").default(1),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
});

const upload = z.instanceof(File, { message: "must be an image file" }).meta({ type: "string", format: "binary", description: "A PNG, JPEG or WebP file" });
const maxUploadBytes = 10 * 1024 * 1024;

export const imagesEditBody = z.object({
  ...common,
  n: z.coerce.number().int().min(1, "must be 1 to 4").max(4, "must be 1 to 4").default(1),
  image: z.union([upload, z.array(upload).min(1).max(16)], { error: "is required: one or more image files" }),
  mask: z.unknown().optional(),
});

// The answer of both routes, for the OpenAPI document; generateImages is typed by it.
export const imagesResponseSchema = z
  .object({
    created: z.number().int().meta({ description: "Unix seconds" }),
    data: z.array(
      z.union([
        z.object({ url: z.url().meta({ description: "Our own copy of the image, kept MEDIA_RETENTION_DAYS days" }) }),
        z.object({ b64_json: z.string().meta({ description: "The image file, base64" }) }),
      ]),
    ),
    output_format: z.string().optional(),
  })
  .meta({ id: "ImagesResponse", example: { created: 1764547200, data: [{ url: "https://lumigate.example/media/med_0a1b2c3d4e5f6g7h8i9j0k1l.jpg" }] } });

export type ImagesRequest = {
  key: KeyContext;
  model: string;
  prompt: string;
  n: number;
  size?: string;
  responseFormat: "url" | "b64_json";
  extra: Record<string, unknown>;
  images?: File[];
  baseUrl: string;
};

function hasParam(found: GenerationVariant, name: string): boolean {
  return found.variant.parameters.some((p) => p.name === name);
}

function aspectRatioFor(found: GenerationVariant, size: string | undefined): string | undefined {
  if (!size || size === "auto") return undefined;
  const ratioParam = found.variant.parameters.find((p) => p.name === "aspect_ratio");
  const variantSize = { familySlug: found.variant.family.slug, resolutionTier: found.variant.resolutionTier };
  const options = ratioParam?.type === "enum" ? ratioParam.options : [];
  const parsed = parseSize(size);
  const ratio = parsed ? aspectRatioForSize(variantSize, options, parsed) : null;
  if (!ratio) {
    throw new AppError("validation_error", `size: ${found.variant.slug} renders ${sizesFor(variantSize, options).join(", ") || "one fixed size"} (or "auto").`, {
      param: "size",
      issues: [{ path: "size", message: `must be one of ${sizesFor(variantSize, options).join(", ")} or auto` }],
    });
  }
  return ratio;
}

async function toDataUrl(file: File): Promise<string> {
  if (file.size > maxUploadBytes) {
    throw new AppError("payload_too_large", `The image ${file.name || ""} is larger than 10 MiB.`.replace("  ", " "), { param: "image" });
  }
  const bytes = Buffer.from(await file.arrayBuffer());
  const info = await inspectImage(bytes).catch((error: unknown) => {
    if (error instanceof UnsupportedImageError) throw new AppError("validation_error", "image: must be a PNG, JPEG or WebP file.", { param: "image" });
    throw error;
  });
  return `data:${info.contentType};base64,${bytes.toString("base64")}`;
}

async function buildInput(found: GenerationVariant, req: ImagesRequest): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = { prompt: req.prompt };
  const ratio = aspectRatioFor(found, req.size);
  if (ratio) input.aspect_ratio = ratio;
  for (const [name, value] of Object.entries(req.extra)) {
    if (value !== undefined && hasParam(found, name)) input[name] = value;
  }
  if (req.images) {
    if (!hasParam(found, "image_urls")) {
      throw new AppError("validation_error", `model: ${found.variant.slug} generates from text only; use an image-to-image or edit model.`, { param: "model" });
    }
    input.image_urls = await Promise.all(req.images.map(toDataUrl));
  } else if (found.variant.task !== "text_to_image") {
    throw new AppError("validation_error", `model: ${found.variant.slug} edits images: call /v1/images/edits with an image.`, { param: "model" });
  }
  return input;
}

/** Creates n tasks in one transaction, waits for them, and answers in the OpenAI images shape. */
export async function generateImages(req: ImagesRequest): Promise<z.input<typeof imagesResponseSchema>> {
  const found = await variantForRequest(req.model, req.key.mode);
  const input = parseInput(found, await buildInput(found, req), "");
  const seed = typeof input.seed === "number" ? input.seed : undefined;
  const taskIds = await db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < req.n; i++) {
      const taskInput = seed === undefined ? input : { ...input, seed: (seed + i) % 2_147_483_648 };
      ids.push(await insertTask(tx, { key: req.key, model: req.model, input: taskInput, surface: "openai" }, found, taskInput));
    }
    return ids;
  });

  const tasks = await waitForTasks(taskIds, env.OPENAI_WAIT_SEC * 1000);
  if (!tasks) {
    throw new AppError(
      "gateway_timeout",
      `The images are not ready after ${env.OPENAI_WAIT_SEC} s. They are still being made and are charged only if they succeed: poll GET /api/v1/jobs/recordInfo?taskId= for ${taskIds.join(", ")}.`,
    );
  }
  const succeeded = tasks.filter((t) => t.state === "success");
  if (succeeded.length === 0) {
    const first = tasks[0]!;
    throw new AppError(first.failCode === "moderated" ? "validation_error" : "generation_failed", first.failMsg || "The generation failed; nothing was charged.", {
      param: first.failCode === "moderated" ? "prompt" : undefined,
    });
  }
  const storage = mediaStorage();
  const data = await Promise.all(
    succeeded.flatMap((t) =>
      t.media.map(async (m) => {
        if (req.responseFormat === "url") return { url: mediaUrl(req.baseUrl, m) };
        const stored = await storage.get(m.storageKey);
        if (!stored) throw new AppError("internal", "A stored image went missing.");
        const bytes = stored.body instanceof Uint8Array ? stored.body : new Uint8Array(await new Response(stored.body as BodyInit).arrayBuffer());
        return { b64_json: Buffer.from(bytes).toString("base64") };
      }),
    ),
  );
  return {
    created: Math.floor(Date.now() / 1000),
    data,
    ...(typeof input.output_format === "string" ? { output_format: input.output_format } : {}),
  };
}
