import "server-only";
import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import { z } from "zod";
import { isOk, joinUrl, jsonOrNull, parseBody, parseJson, requestJson, send, statusError, summariseError, textOf } from "./http";
import { type CatalogInput, clamp, compact, isMatchInput, openAiSize, readInput } from "./mapping";
import {
  type Endpoint,
  type ProviderAdapter,
  type Submitted,
  UpstreamError,
  type UpstreamFailureReason,
  type UpstreamImage,
  type UpstreamJob,
  type UpstreamRef,
  type UpstreamStatus,
  type WebhookEvent,
  type WebhookRequest,
} from "./types";

// fal.ai's queue API (PROTOCOLS.md §2).

const UPSTREAM = "fal";
const FAL_DEFAULT_JWKS_URL = "https://rest.alpha.fal.ai/.well-known/jwks.json";
const JWKS_TTL_MS = 10 * 60 * 1000;
const WEBHOOK_TOLERANCE_SEC = 300;

const imageSizePresets: Record<string, readonly [number, number]> = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
};

function imageSize(width: number, height: number): string | { width: number; height: number } {
  const preset = Object.entries(imageSizePresets).find(([, [w, h]]) => w === width && h === height);
  return preset ? preset[0] : { width, height };
}

/** fal's routes name some fields differently per model family; these are the ones in the catalog. */
function sizeFields(model: string, job: UpstreamJob, input: CatalogInput): Record<string, unknown> {
  if (isMatchInput(input)) return {};
  if (/\/kontext|v1\.1-ultra/.test(model)) return { aspect_ratio: input.aspect_ratio };
  if (model.includes("gpt-image")) return { image_size: openAiSize(job.width, job.height) };
  return { image_size: imageSize(job.width, job.height) };
}

function imageFields(model: string, images: string[]): Record<string, unknown> {
  if (!images.length) return {};
  if (model.includes("ideogram/character")) return { reference_image_urls: images };
  if (model.includes("qwen-image-edit")) return { image_url: images[0] };
  return { image_urls: images };
}

function falRequestBody(job: UpstreamJob): Record<string, unknown> {
  const input = readInput(job);
  const model = job.upstreamModel;
  const images = job.task === "text_to_image" ? [] : (input.image_urls ?? []);
  const expand = input.prompt_upsampling ?? (input.disable_pup === undefined ? undefined : !input.disable_pup);
  return compact({
    prompt: input.prompt,
    ...sizeFields(model, job, input),
    ...imageFields(model, images),
    num_inference_steps: input.steps,
    guidance_scale: input.guidance,
    [model.includes("ideogram/character") ? "expand_prompt" : "enable_prompt_expansion"]: expand,
    negative_prompt: input.negative_prompt,
    seed: input.seed,
    // fal takes "1".."5"; the catalog's 0 and 6 (BFL's range) land on the nearest end.
    safety_tolerance: input.safety_tolerance === undefined ? undefined : String(clamp(input.safety_tolerance, 1, 5)),
    output_format: input.output_format,
    raw: input.raw,
    style: input.style,
    background: input.background,
    input_fidelity: input.input_fidelity,
    quality: model.includes("gpt-image") ? (input.quality ?? "high") : input.quality,
  });
}

const submitResponse = z.looseObject({
  request_id: z.string().min(1),
  status_url: z.url(),
  response_url: z.url(),
  cancel_url: z.url().optional(),
});

const statusResponse = z.looseObject({
  status: z.string(),
  queue_position: z.number().int().nullish(),
  response_url: z.url().optional(),
  error: z.unknown().optional(),
  error_type: z.string().nullish(),
});

const falImage = z.looseObject({
  url: z.string().min(1),
  content_type: z.string().nullish(),
  width: z.number().int().nullish(),
  height: z.number().int().nullish(),
});

const resultResponse = z.looseObject({
  images: z.array(falImage),
  seed: z.number().int().nullish(),
  has_nsfw_concepts: z.array(z.boolean()).nullish(),
});

const errorBody = z.looseObject({
  error_type: z.string().nullish(),
  detail: z.union([z.string(), z.array(z.looseObject({ type: z.string().optional() }))]).optional(),
});

function reasonFor(errorType: string | undefined): UpstreamFailureReason {
  if (errorType === "content_policy_violation") return "moderated";
  if (errorType && /cancel/.test(errorType)) return "canceled";
  if (errorType && /internal|timeout|downstream|unavailable/.test(errorType)) return "upstream_error";
  return "generation_failed";
}

function errorTypeOf(body: unknown, header?: string | null): string | undefined {
  if (header) return header;
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const { error_type, detail } = parsed.data;
  return error_type ?? (Array.isArray(detail) ? detail.find((d) => d.type)?.type : undefined);
}

function resultStatus(result: z.infer<typeof resultResponse>): UpstreamStatus {
  if (result.has_nsfw_concepts?.length && result.has_nsfw_concepts.every(Boolean)) {
    return { state: "failed", reason: "moderated", message: "fal's safety checker flagged every image" };
  }
  if (!result.images.length) return { state: "failed", reason: "generation_failed", message: "fal returned no images" };
  const images: UpstreamImage[] = result.images.map((image) => ({
    url: image.url,
    ...(image.content_type ? { contentType: image.content_type } : {}),
    ...(image.width ? { width: image.width } : {}),
    ...(image.height ? { height: image.height } : {}),
  }));
  return { state: "succeeded", images, ...(result.seed == null ? {} : { seed: result.seed }) };
}

function authHeaders(endpoint: Endpoint): Record<string, string> {
  return { authorization: `Key ${endpoint.credential}` };
}

async function submit(endpoint: Endpoint, job: UpstreamJob, signal?: AbortSignal): Promise<Submitted> {
  const query = job.webhook ? `?fal_webhook=${encodeURIComponent(job.webhook.url)}` : "";
  const body = await requestJson(
    {
      upstream: UPSTREAM,
      method: "POST",
      url: joinUrl(endpoint.baseUrl, job.upstreamModel) + query,
      headers: authHeaders(endpoint),
      json: falRequestBody(job),
      timeoutMs: endpoint.timeoutMs,
      signal,
    },
    submitResponse,
  );
  return {
    ref: { id: body.request_id, pollUrl: body.status_url, responseUrl: body.response_url, cancelUrl: body.cancel_url ?? null },
  };
}

async function fetchResult(endpoint: Endpoint, url: string, signal?: AbortSignal): Promise<UpstreamStatus> {
  const response = await send({ upstream: UPSTREAM, method: "GET", url, headers: authHeaders(endpoint), timeoutMs: endpoint.timeoutMs, signal });
  if (isOk(response)) return resultStatus(parseBody(UPSTREAM, response, resultResponse));
  const text = textOf(response);
  const errorType = errorTypeOf(jsonOrNull(text), response.headers.get("x-fal-error-type"));
  // A typed error or a 422 is this request's recorded outcome; anything else leaves it unknown.
  if (errorType || response.status === 422) {
    return { state: "failed", reason: reasonFor(errorType), message: summariseError(text) || `fal answered ${response.status}` };
  }
  throw statusError(UPSTREAM, response);
}

async function poll(endpoint: Endpoint, ref: UpstreamRef, signal?: AbortSignal): Promise<UpstreamStatus> {
  if (!ref.pollUrl) throw new UpstreamError("rejected", `fal request ${ref.id} has no status URL`);
  const status = await requestJson(
    { upstream: UPSTREAM, method: "GET", url: ref.pollUrl, headers: authHeaders(endpoint), timeoutMs: endpoint.timeoutMs, signal },
    statusResponse,
  );
  switch (status.status) {
    case "IN_QUEUE":
      return status.queue_position == null ? { state: "queued" } : { state: "queued", queuePosition: status.queue_position };
    case "COMPLETED": {
      if (status.error != null || status.error_type) {
        const message = typeof status.error === "string" ? status.error : summariseError(JSON.stringify(status.error ?? ""));
        return { state: "failed", reason: reasonFor(status.error_type ?? undefined), message: message || "fal request failed" };
      }
      const responseUrl = status.response_url ?? ref.responseUrl;
      if (!responseUrl) throw new UpstreamError("invalid_response", `fal completed ${ref.id} without a response_url`);
      return fetchResult(endpoint, responseUrl, signal);
    }
    default:
      return { state: "running" };
  }
}

async function cancel(endpoint: Endpoint, ref: UpstreamRef): Promise<"canceled" | "too_late" | "unsupported"> {
  if (!ref.cancelUrl) return "unsupported";
  const response = await send({ upstream: UPSTREAM, method: "PUT", url: ref.cancelUrl, headers: authHeaders(endpoint), timeoutMs: endpoint.timeoutMs });
  if (isOk(response)) return "canceled";
  if (response.status === 400 && textOf(response).includes("ALREADY_COMPLETED")) return "too_late";
  throw statusError(UPSTREAM, response);
}

const jwks = z.looseObject({
  keys: z.array(z.looseObject({ kty: z.string(), crv: z.string().optional(), x: z.string().optional() })),
});

const jwksCache = new Map<string, { keys: Promise<KeyObject[]>; fetchedAt: number }>();

async function fetchKeys(url: string, timeoutMs?: number): Promise<KeyObject[]> {
  const body = await requestJson({ upstream: "fal jwks", method: "GET", url, timeoutMs }, jwks);
  const keys = body.keys.flatMap((key) => {
    if (key.kty !== "OKP" || key.crv !== "Ed25519" || !key.x) return [];
    try {
      return [createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: key.x }, format: "jwk" })];
    } catch {
      return [];
    }
  });
  if (!keys.length) throw new UpstreamError("invalid_response", "fal's JWKS has no Ed25519 key");
  return keys;
}

/** fal's signing keys, per JWKS URL, kept 10 minutes; a failed fetch is not kept. */
function publicKeys(url: string, timeoutMs?: number): Promise<KeyObject[]> {
  const cached = jwksCache.get(url);
  if (cached && Date.now() - cached.fetchedAt < JWKS_TTL_MS) return cached.keys;
  const keys = fetchKeys(url, timeoutMs);
  const entry = { keys, fetchedAt: Date.now() };
  jwksCache.set(url, entry);
  keys.catch(() => {
    if (jwksCache.get(url) === entry) jwksCache.delete(url);
  });
  return keys;
}

const webhookBody = z.looseObject({
  request_id: z.string().min(1),
  gateway_request_id: z.string().nullish(),
  status: z.string(),
  payload: z.unknown().optional(),
  error: z.unknown().optional(),
  payload_error: z.unknown().optional(),
});

function rejected(why: string): UpstreamError {
  return new UpstreamError("rejected", `fal webhook ${why}`);
}

async function verifyWebhook(endpoint: Endpoint, request: WebhookRequest): Promise<WebhookEvent | null> {
  const header = (name: string) => request.headers.get(`x-fal-webhook-${name}`)?.trim() ?? "";
  const [requestId, userId, timestamp, signature] = ["request-id", "user-id", "timestamp", "signature"].map(header);
  if (!requestId || !userId || !timestamp || !signature) throw rejected("is missing X-Fal-Webhook-* headers");
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SEC) {
    throw rejected("timestamp is outside ±300 s");
  }
  if (!/^[0-9a-f]{128}$/i.test(signature)) throw rejected("signature is not 64 bytes of hex");
  const digest = createHash("sha256").update(request.rawBody).digest("hex");
  const message = Buffer.from(`${requestId}\n${userId}\n${timestamp}\n${digest}`, "utf8");
  const signatureBytes = Buffer.from(signature, "hex");
  // fal names no key id in its headers, so any published key may be the signer.
  const keys = await publicKeys(endpoint.jwksUrl ?? FAL_DEFAULT_JWKS_URL, endpoint.timeoutMs);
  if (!keys.some((key) => verify(null, message, key, signatureBytes))) throw rejected("signature does not match");

  const body = parseJson("fal webhook", request.rawBody, webhookBody);
  const upstreamId = body.request_id;
  if (body.status === "OK") {
    // The result did not fit in the webhook: the worker's poll fetches it from response_url.
    if (body.payload_error || body.payload == null) return null;
    const payload = resultResponse.safeParse(body.payload);
    if (!payload.success) throw new UpstreamError("invalid_response", "fal webhook payload has no images list");
    return { upstreamId, status: resultStatus(payload.data) };
  }
  if (body.status === "ERROR") {
    const stated = typeof body.error === "string" ? body.error : summariseError(JSON.stringify(body.error ?? body.payload ?? ""));
    const message = stated.slice(0, 300) || "fal request failed";
    return { upstreamId, status: { state: "failed", reason: reasonFor(errorTypeOf(body.payload)), message } };
  }
  return null;
}

export const falAdapter: ProviderAdapter = {
  protocol: "fal",
  submit,
  poll,
  cancel,
  verifyWebhook,
};
