import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type HttpResponse, isOk, joinUrl, jsonOrNull, parseBody, send, statusError, textOf } from "./http";
import { type CatalogInput, compact, contentTypeFor, isMatchInput, openAiSize, readInput } from "./mapping";
import {
  type Endpoint,
  type ProviderAdapter,
  type Submitted,
  UpstreamError,
  type UpstreamImage,
  type UpstreamJob,
  type UpstreamStatus,
} from "./types";

// OpenAI's Images API (PROTOCOLS.md §5): synchronous, so submit carries the outcome.

const UPSTREAM = "openai";
/** A high-quality GPT Image render takes a minute or more, and the answer is the image itself. */
const SYNC_TIMEOUT_MS = 120_000;
const INPUT_IMAGE_TIMEOUT_MS = 30_000;
const MAX_INPUT_IMAGE_BYTES = 20 * 1024 * 1024;
const moderationCodes = new Set(["moderation_blocked", "content_policy_violation"]);

export type OpenAiAdapterOptions = {
  /** Downloads the job's input images, whose URLs a user chose: give it an SSRF-safe fetch. */
  fetchImage?: typeof fetch;
};

function size(job: UpstreamJob, input: CatalogInput): string {
  return isMatchInput(input) ? "auto" : openAiSize(job.width, job.height);
}

function common(job: UpstreamJob, input: CatalogInput) {
  return compact({
    model: job.upstreamModel,
    prompt: input.prompt,
    n: 1,
    size: size(job, input),
    quality: input.quality ?? "high",
    background: input.background,
    output_format: input.output_format,
  });
}

function openAiGenerationBody(job: UpstreamJob): Record<string, unknown> {
  return common(job, readInput(job));
}

const imageExtensions: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

async function downloadInputImage(url: string, index: number, fetchImage: typeof fetch | undefined, signal?: AbortSignal): Promise<Blob> {
  const label = `input image ${index + 1}`;
  let response: HttpResponse;
  try {
    response = await send({
      upstream: label,
      method: "GET",
      url,
      headers: { accept: "image/png, image/jpeg, image/webp" },
      timeoutMs: INPUT_IMAGE_TIMEOUT_MS,
      signal,
      maxBytes: MAX_INPUT_IMAGE_BYTES,
      fetch: fetchImage,
    });
  } catch (error) {
    // The input is at fault, not OpenAI: this must not count against OpenAI's circuit.
    throw new UpstreamError("rejected", error instanceof Error ? error.message : `${label} could not be read`);
  }
  if (!isOk(response)) throw new UpstreamError("rejected", `${label} answered ${response.status}`);
  const type = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!imageExtensions[type]) throw new UpstreamError("rejected", `${label} is ${type || "untyped"}, not png, jpeg or webp`);
  return new Blob([Buffer.from(response.bytes)], { type });
}

async function editForm(job: UpstreamJob, fetchImage: typeof fetch | undefined, signal?: AbortSignal): Promise<FormData> {
  const input = readInput(job);
  const urls = input.image_urls ?? [];
  if (!urls.length) throw new UpstreamError("rejected", "an OpenAI edit needs at least one input image");
  const images = await Promise.all(urls.map((url, i) => downloadInputImage(url, i, fetchImage, signal)));
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...common(job, input), input_fidelity: input.input_fidelity })) {
    if (value !== undefined) form.append(name, String(value));
  }
  images.forEach((image, i) => form.append("image[]", image, `image-${i + 1}.${imageExtensions[image.type]}`));
  return form;
}

const imagesResponse = z.looseObject({
  data: z
    .array(z.looseObject({ b64_json: z.string().min(1).optional(), url: z.url().optional() }))
    .min(1),
  output_format: z.string().optional(),
  size: z.string().optional(),
});

const errorEnvelope = z.looseObject({
  error: z.looseObject({
    message: z.string().nullish(),
    type: z.string().nullish(),
    code: z.string().nullish(),
  }),
});

function dimensions(sizeText: string | undefined): { width?: number; height?: number } {
  const match = /^(\d+)x(\d+)$/.exec(sizeText ?? "");
  return match ? { width: Number(match[1]), height: Number(match[2]) } : {};
}

function succeeded(body: z.infer<typeof imagesResponse>, requested: Record<string, unknown>): UpstreamStatus {
  const format = body.output_format ?? (typeof requested.output_format === "string" ? requested.output_format : undefined);
  const { width, height } = dimensions(body.size ?? (typeof requested.size === "string" ? requested.size : undefined));
  const shape = compact({ width, height });
  const images: UpstreamImage[] = body.data.map((item) => {
    if (item.b64_json) return { base64: item.b64_json, contentType: contentTypeFor(format), ...shape };
    if (item.url) return { url: item.url, ...shape };
    throw new UpstreamError("invalid_response", "openai returned an image with neither b64_json nor url");
  });
  return { state: "succeeded", images };
}

/** OpenAI refuses moderated prompts with a 400: that is the job's outcome, not a transport failure. */
function moderated(response: HttpResponse): UpstreamStatus | null {
  const parsed = errorEnvelope.safeParse(jsonOrNull(textOf(response)));
  if (!parsed.success) return null;
  const { code, type, message } = parsed.data.error;
  if (!moderationCodes.has(code ?? "") && !moderationCodes.has(type ?? "")) return null;
  return { state: "failed", reason: "moderated", message: (message ?? "openai moderation blocked the request").slice(0, 300) };
}

export function createOpenAiAdapter(options: OpenAiAdapterOptions = {}): ProviderAdapter {
  async function submit(endpoint: Endpoint, job: UpstreamJob, signal?: AbortSignal): Promise<Submitted> {
    const isEdit = job.task !== "text_to_image";
    const requested = isEdit ? {} : openAiGenerationBody(job);
    const form = isEdit ? await editForm(job, options.fetchImage, signal) : undefined;
    const response = await send({
      upstream: UPSTREAM,
      method: "POST",
      url: joinUrl(endpoint.baseUrl, isEdit ? "images/edits" : "images/generations"),
      headers: { authorization: `Bearer ${endpoint.credential}` },
      ...(form ? { form } : { json: requested }),
      timeoutMs: endpoint.timeoutMs ?? SYNC_TIMEOUT_MS,
      signal,
    });
    const ref = { id: `openai_${randomBytes(12).toString("hex")}`, pollUrl: null };
    if (!isOk(response)) {
      const status = moderated(response);
      if (status) return { ref, status };
      throw statusError(UPSTREAM, response);
    }
    const fields = form ? Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) : requested;
    return { ref, status: succeeded(parseBody(UPSTREAM, response, imagesResponse), fields) };
  }

  return {
    protocol: "openai",
    submit,
    poll: async () => {
      throw new UpstreamError("rejected", "openai images are synchronous: there is nothing to poll");
    },
    cancel: async () => "unsupported",
    verifyWebhook: async () => {
      throw new UpstreamError("rejected", "openai sends no image webhooks");
    },
  };
}

/** With the global fetch for input images; the gateway should build its own with an SSRF-safe one. */
export const openaiAdapter = createOpenAiAdapter();
