import "server-only";
import { Webhook } from "standardwebhooks";
import { z } from "zod";
import { isOk, joinUrl, parseBody, parseJson, requestJson, send, statusError, textOf, type HttpCall } from "./http";
import { type CatalogInput, clamp, compact, MATCH_INPUT_IMAGE, percent, readInput, snap } from "./mapping";
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

// Replicate's predictions API (PROTOCOLS.md §3).

const UPSTREAM = "replicate";

/** The aspect_ratio values Replicate's FLUX models take besides match_input_image and custom. */
const replicateRatios = new Set(["1:1", "16:9", "3:2", "2:3", "4:5", "5:4", "9:16", "3:4", "4:3"]);
/** Replicate's ratio presets render about 1 MP (its default `resolution`); larger tiers need custom. */
const PRESET_MAX_PIXELS = 1_500_000;

function sizeInput(job: UpstreamJob, input: CatalogInput): Record<string, unknown> {
  const ratio = input.aspect_ratio;
  if (ratio === MATCH_INPUT_IMAGE) return { aspect_ratio: ratio };
  if (ratio && replicateRatios.has(ratio) && job.width * job.height <= PRESET_MAX_PIXELS) return { aspect_ratio: ratio };
  return { aspect_ratio: "custom", width: snap(job.width, 32, 256, 2048), height: snap(job.height, 32, 256, 2048) };
}

/** FLUX.2 takes a list; the single-image models in the catalog name their one input differently. */
function imageInput(model: string, images: string[]): Record<string, unknown> {
  if (!images.length) return {};
  if (model === "qwen/qwen-image-edit") return { image: images[0] };
  if (model === "ideogram-ai/ideogram-character") return { character_reference_image: images[0] };
  return { input_images: images };
}

function replicateInput(job: UpstreamJob): Record<string, unknown> {
  const input = readInput(job);
  return compact({
    prompt: input.prompt,
    ...imageInput(job.upstreamModel, input.image_urls ?? []),
    ...sizeInput(job, input),
    steps: input.steps,
    guidance: input.guidance,
    prompt_upsampling: input.prompt_upsampling,
    negative_prompt: input.negative_prompt,
    seed: input.seed,
    // Replicate spells JPEG "jpg" (and refuses "jpeg").
    output_format: input.output_format === "jpeg" ? "jpg" : input.output_format,
    safety_tolerance: input.safety_tolerance === undefined ? undefined : clamp(input.safety_tolerance, 1, 5),
    raw: input.raw,
  });
}

const prediction = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  output: z.unknown().optional(),
  error: z.unknown().optional(),
  logs: z.string().nullish(),
  urls: z.looseObject({ get: z.url().optional(), cancel: z.url().optional() }).nullish(),
});

type Prediction = z.infer<typeof prediction>;

/** The last percentage a progress bar wrote to the logs ("… 60%|██████    | 30/50"). */
function logProgress(logs: string | null | undefined): number | undefined {
  const matches = [...(logs ?? "").matchAll(/(\d{1,3}(?:\.\d+)?)%/g)];
  const last = matches.at(-1)?.[1];
  return last === undefined ? undefined : percent(Number(last));
}

function outputUrls(output: unknown): string[] {
  if (typeof output === "string") return [output];
  if (Array.isArray(output) && output.every((o): o is string => typeof o === "string")) return output;
  throw new UpstreamError("invalid_response", "replicate output is neither a URI nor a list of URIs");
}

function errorText(error: unknown): string {
  if (typeof error === "string" && error) return error.slice(0, 300);
  if (error == null) return "";
  return JSON.stringify(error).slice(0, 300);
}

function replicateStatus(body: Prediction): UpstreamStatus {
  switch (body.status) {
    case "starting":
      return { state: "queued" };
    case "succeeded": {
      const urls = outputUrls(body.output);
      if (!urls.length) return { state: "failed", reason: "generation_failed", message: "replicate returned no output" };
      return { state: "succeeded", images: urls.map((url) => ({ url })) };
    }
    case "failed": {
      const message = errorText(body.error) || "replicate prediction failed";
      const moderated = /nsfw|sensitive|safety/i.test(message);
      return { state: "failed", reason: moderated ? "moderated" : "generation_failed", message };
    }
    case "canceled":
      return { state: "failed", reason: "canceled", message: "replicate prediction was canceled" };
    case "aborted":
      return { state: "failed", reason: "upstream_error", message: "replicate aborted the prediction past its deadline" };
    default: {
      const progress = logProgress(body.logs);
      return progress === undefined ? { state: "running" } : { state: "running", progress };
    }
  }
}

function isInFlight(status: UpstreamStatus): boolean {
  return status.state === "queued" || status.state === "running";
}

function authHeaders(endpoint: Endpoint): Record<string, string> {
  return { authorization: `Bearer ${endpoint.credential}` };
}

/** Replicate's 429 says when to come back in its detail text when no Retry-After is sent. */
async function exchange(call: HttpCall): Promise<Prediction> {
  const response = await send(call);
  if (isOk(response)) return parseBody(UPSTREAM, response, prediction);
  const error = statusError(UPSTREAM, response);
  if (error.kind === "rate_limited" && error.options.retryAfterSec === undefined) {
    const seconds = /available in (\d+) seconds?/i.exec(textOf(response))?.[1];
    if (seconds) throw new UpstreamError(error.kind, error.message, { ...error.options, retryAfterSec: Number(seconds) });
  }
  throw error;
}

function modelPath(model: string): string {
  const [owner, name, ...rest] = model.split("/");
  if (!owner || !name || rest.length) throw new UpstreamError("rejected", `replicate model ${model} is not owner/name`);
  return `models/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/predictions`;
}

async function submit(endpoint: Endpoint, job: UpstreamJob, signal?: AbortSignal): Promise<Submitted> {
  const body = await exchange({
    upstream: UPSTREAM,
    method: "POST",
    url: joinUrl(endpoint.baseUrl, modelPath(job.upstreamModel)),
    headers: authHeaders(endpoint),
    json: {
      input: replicateInput(job),
      ...(job.webhook ? { webhook: job.webhook.url, webhook_events_filter: ["completed"] } : {}),
    },
    timeoutMs: endpoint.timeoutMs,
    signal,
  });
  // urls.get is always sent today; the documented route stands in should it ever be missing.
  const predictionUrl = joinUrl(endpoint.baseUrl, `predictions/${encodeURIComponent(body.id)}`);
  const ref: UpstreamRef = {
    id: body.id,
    pollUrl: body.urls?.get ?? predictionUrl,
    cancelUrl: body.urls?.cancel ?? `${predictionUrl}/cancel`,
  };
  const status = replicateStatus(body);
  return isInFlight(status) ? { ref } : { ref, status };
}

async function poll(endpoint: Endpoint, ref: UpstreamRef, signal?: AbortSignal): Promise<UpstreamStatus> {
  if (!ref.pollUrl) throw new UpstreamError("rejected", `replicate prediction ${ref.id} has no URL to poll`);
  return replicateStatus(
    await exchange({ upstream: UPSTREAM, method: "GET", url: ref.pollUrl, headers: authHeaders(endpoint), timeoutMs: endpoint.timeoutMs, signal }),
  );
}

async function cancel(endpoint: Endpoint, ref: UpstreamRef): Promise<"canceled" | "too_late" | "unsupported"> {
  const url = ref.cancelUrl ?? joinUrl(endpoint.baseUrl, `predictions/${encodeURIComponent(ref.id)}/cancel`);
  const body = await exchange({ upstream: UPSTREAM, method: "POST", url, headers: authHeaders(endpoint), timeoutMs: endpoint.timeoutMs });
  const status = replicateStatus(body);
  if (isInFlight(status) || (status.state === "failed" && status.reason === "canceled")) return "canceled";
  return "too_late";
}

function rejected(why: string): UpstreamError {
  return new UpstreamError("rejected", `replicate webhook ${why}`);
}

async function verifyWebhook(
  _endpoint: Endpoint,
  request: WebhookRequest,
  secret: string | undefined,
): Promise<WebhookEvent | null> {
  if (!secret) throw rejected("cannot be verified without the signing secret");
  let webhook: Webhook;
  try {
    webhook = new Webhook(secret);
  } catch {
    throw rejected("signing secret is not a whsec_ key");
  }
  try {
    webhook.verify(Buffer.from(request.rawBody), Object.fromEntries(request.headers.entries()), { jsonParse: false });
  } catch (error) {
    throw rejected(`failed verification: ${error instanceof Error ? error.message : "invalid"}`);
  }
  const body = parseJson("replicate webhook", request.rawBody, prediction);
  const status = replicateStatus(body);
  return isInFlight(status) ? null : { upstreamId: body.id, status };
}

const webhookSecret = z.looseObject({ key: z.string().min(1) });

/** The account's webhook signing secret (`whsec_…`), which verifyWebhook needs. */
export async function fetchReplicateWebhookSecret(endpoint: Endpoint, signal?: AbortSignal): Promise<string> {
  const body = await requestJson(
    {
      upstream: UPSTREAM,
      method: "GET",
      url: joinUrl(endpoint.baseUrl, "webhooks/default/secret"),
      headers: authHeaders(endpoint),
      timeoutMs: endpoint.timeoutMs,
      signal,
    },
    webhookSecret,
  );
  return body.key;
}

export const replicateAdapter: ProviderAdapter = {
  protocol: "replicate",
  submit,
  poll,
  cancel,
  verifyWebhook,
};
