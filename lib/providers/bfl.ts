import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { isOk, joinUrl, parseBody, parseJson, requestJson, send, statusError, textOf } from "./http";
import { type CatalogInput, compact, isMatchInput, percent, readInput, snap } from "./mapping";
import {
  type Endpoint,
  type ProviderAdapter,
  type Submitted,
  UpstreamError,
  type UpstreamJob,
  type UpstreamRef,
  type UpstreamStatus,
  type WebhookEvent,
  type WebhookRequest,
} from "./types";

// Black Forest Labs' own API (PROTOCOLS.md §1).

const UPSTREAM = "bfl";
/** BFL prices in its own credits: 1 credit = $0.01 = 10,000 micro-USD (not the gateway's credit). */
const MICROS_PER_BFL_CREDIT = 10_000;

/** Which request shape a BFL route takes. */
type BflShape = "flux2-flex" | "flux2" | "kontext" | "ultra" | "pro-1.1" | "sized";

function shapeOf(model: string): BflShape {
  if (model === "flux-2-flex") return "flux2-flex";
  if (model.startsWith("flux-2-")) return "flux2";
  if (model.startsWith("flux-kontext-")) return "kontext";
  if (model === "flux-pro-1.1-ultra") return "ultra";
  if (model === "flux-pro-1.1") return "pro-1.1";
  return "sized";
}

const maxInputImages: Record<BflShape, number> = {
  "flux2-flex": 8,
  flux2: 8,
  kontext: 4,
  ultra: 0,
  "pro-1.1": 0,
  sized: 0,
};

/** input_image, input_image_2 … input_image_8, in the order the caller gave them. */
function imageSlots(urls: string[], max: number): Record<string, string> {
  if (urls.length > max) {
    throw new UpstreamError("rejected", `bfl takes at most ${max} input images on this model, got ${urls.length}`);
  }
  return Object.fromEntries(urls.map((url, i) => [i === 0 ? "input_image" : `input_image_${i + 1}`, url]));
}

/** BFL sizes are multiples of 16 from 64 up; 0 or absent lets the model match the input. */
function size(job: UpstreamJob, input: CatalogInput): { width?: number; height?: number } {
  if (isMatchInput(input)) return {};
  return { width: snap(job.width, 16, 64, 16_384), height: snap(job.height, 16, 64, 16_384) };
}

/**
 * FLUX1.1 [pro] takes width/height in multiples of 32 from 256 to 1440 (no aspect_ratio): scale
 * the job's size down to fit, keeping its shape, then snap.
 */
function flux11Size(job: UpstreamJob): { width: number; height: number } {
  const scale = Math.min(1, 1440 / Math.max(job.width, job.height));
  return { width: snap(job.width * scale, 32, 256, 1440), height: snap(job.height * scale, 32, 256, 1440) };
}

function aspectRatio(input: CatalogInput): { aspect_ratio?: string } {
  return isMatchInput(input) ? {} : { aspect_ratio: input.aspect_ratio };
}

function bflRequestBody(job: UpstreamJob): Record<string, unknown> {
  const input = readInput(job);
  const shape = shapeOf(job.upstreamModel);
  const common = {
    prompt: input.prompt,
    ...imageSlots(input.image_urls ?? [], maxInputImages[shape]),
    seed: input.seed,
    safety_tolerance: input.safety_tolerance,
    output_format: input.output_format,
    webhook_url: job.webhook?.url,
    webhook_secret: job.webhook?.secret,
  };
  const specific = (() => {
    switch (shape) {
      case "flux2-flex":
        return { ...size(job, input), steps: input.steps, guidance: input.guidance, prompt_upsampling: input.prompt_upsampling };
      case "flux2":
        return { ...size(job, input), disable_pup: input.disable_pup };
      case "kontext":
        return { ...aspectRatio(input), prompt_upsampling: input.prompt_upsampling };
      case "pro-1.1":
        return { ...flux11Size(job), prompt_upsampling: input.prompt_upsampling };
      case "ultra":
        return { ...aspectRatio(input), raw: input.raw, prompt_upsampling: input.prompt_upsampling };
      case "sized":
        return { ...size(job, input), prompt_upsampling: input.prompt_upsampling };
    }
  })();
  return compact({ ...common, ...specific });
}

const submitResponse = z.looseObject({
  id: z.string().min(1),
  polling_url: z.url().optional(),
  cost: z.number().nonnegative().optional(),
});

const bflResult = z.looseObject({
  id: z.string().optional(),
  task_id: z.string().optional(),
  status: z.string(),
  result: z.looseObject({ sample: z.string().optional(), seed: z.number().optional() }).nullish(),
  progress: z.number().nullish(),
  details: z.unknown().optional(),
});

type BflResult = z.infer<typeof bflResult>;

function detailText(details: unknown): string | undefined {
  if (!details || typeof details !== "object") return undefined;
  const { error, ...rest } = details as Record<string, unknown>;
  if (typeof error === "string" && error) return error;
  const reasons = Object.values(rest).flat().filter((v): v is string => typeof v === "string");
  return reasons.length ? reasons.join(", ").slice(0, 300) : undefined;
}

/** One status vocabulary for polls and webhooks; strings BFL adds later count as still running. */
function bflStatus(body: BflResult): UpstreamStatus {
  switch (body.status) {
    case "Ready": {
      const url = body.result?.sample;
      if (!url) throw new UpstreamError("invalid_response", "bfl reported Ready without result.sample");
      return { state: "succeeded", images: [{ url }], ...(body.result?.seed !== undefined ? { seed: body.result.seed } : {}) };
    }
    case "Error":
      return { state: "failed", reason: "generation_failed", message: detailText(body.details) ?? "bfl reported Error" };
    case "Request Moderated":
    case "Content Moderated": {
      const why = detailText(body.details);
      return { state: "failed", reason: "moderated", message: why ? `${body.status}: ${why}` : body.status };
    }
    case "Task not found":
      return { state: "not_found" };
    case "Pending": {
      const progress = percent(body.progress);
      return progress ? { state: "running", progress } : { state: "queued" };
    }
    default: {
      const progress = percent(body.progress);
      return progress === undefined ? { state: "running" } : { state: "running", progress };
    }
  }
}

function headers(endpoint: Endpoint): Record<string, string> {
  return { "x-key": endpoint.credential };
}

async function submit(endpoint: Endpoint, job: UpstreamJob, signal?: AbortSignal): Promise<Submitted> {
  const body = await requestJson(
    {
      upstream: UPSTREAM,
      method: "POST",
      url: joinUrl(endpoint.baseUrl, `v1/${job.upstreamModel}`),
      headers: headers(endpoint),
      json: bflRequestBody(job),
      timeoutMs: endpoint.timeoutMs,
      signal,
    },
    submitResponse,
  );
  let pollUrl = body.polling_url;
  if (!pollUrl) {
    // BFL leaves polling_url out only when a webhook is set; that is the one URL we build.
    if (!job.webhook) throw new UpstreamError("invalid_response", `bfl accepted ${body.id} without a polling_url`);
    pollUrl = joinUrl(endpoint.baseUrl, `v1/get_result?id=${encodeURIComponent(body.id)}`);
  }
  const costMicros = body.cost === undefined ? undefined : Math.round(body.cost * MICROS_PER_BFL_CREDIT);
  return { ref: { id: body.id, pollUrl }, ...(costMicros === undefined ? {} : { costMicros }) };
}

async function poll(endpoint: Endpoint, ref: UpstreamRef, signal?: AbortSignal): Promise<UpstreamStatus> {
  if (!ref.pollUrl) throw new UpstreamError("rejected", `bfl job ${ref.id} has no polling URL`);
  const response = await send({
    upstream: UPSTREAM,
    method: "GET",
    url: ref.pollUrl,
    headers: headers(endpoint),
    timeoutMs: endpoint.timeoutMs,
    signal,
  });
  // The documented answer is a 200 with status "Task not found"; a 404 saying so means the same.
  if (response.status === 404 && textOf(response).includes("Task not found")) return { state: "not_found" };
  if (!isOk(response)) throw statusError(UPSTREAM, response);
  return bflStatus(parseBody(UPSTREAM, response, bflResult));
}

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** X-BFL-Signature: sha256=<hex HMAC-SHA256(raw body, webhook_secret)>. */
function isValidBflSignature(rawBody: Uint8Array, header: string | null, secret: string): boolean {
  const match = SIGNATURE.exec(header?.trim() ?? "");
  if (!match?.[1] || !secret) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], "hex"));
}

async function verifyWebhook(
  _endpoint: Endpoint,
  request: WebhookRequest,
  secret: string | undefined,
): Promise<WebhookEvent | null> {
  if (!secret || !isValidBflSignature(request.rawBody, request.headers.get("x-bfl-signature"), secret)) {
    throw new UpstreamError("rejected", "bfl webhook signature does not match");
  }
  const body = parseJson("bfl webhook", request.rawBody, bflResult);
  const upstreamId = body.id ?? body.task_id;
  if (!upstreamId) throw new UpstreamError("invalid_response", "bfl webhook carries no id");
  const status = bflStatus(body);
  return status.state === "queued" || status.state === "running" ? null : { upstreamId, status };
}

export const bflAdapter: ProviderAdapter = {
  protocol: "bfl",
  submit,
  poll,
  cancel: async () => "unsupported",
  verifyWebhook,
};
