import type { ModelTask } from "@/lib/catalog/types";

// The contract between the gateway (lib/tasks, the worker) and one adapter per upstream protocol.
// An adapter only speaks its protocol: it never reads env, the database or the clock for policy.

export const upstreamProtocols = ["bfl", "fal", "replicate", "openai"] as const;
export type UpstreamProtocol = (typeof upstreamProtocols)[number];

/** Where and as whom an adapter calls: a real upstream, or the simulator speaking its protocol. */
export type Endpoint = {
  /** e.g. https://api.bfl.ai, https://queue.fal.run, https://api.replicate.com/v1, https://api.openai.com/v1 */
  baseUrl: string;
  credential: string;
  /** Per request; the adapter aborts the call past it. */
  timeoutMs?: number;
  /** fal only: where fal's webhook-signing public keys (a JWKS) are published. */
  jwksUrl?: string;
};

/** One generation as the gateway hands it over: catalog parameter names, size already resolved. */
export type UpstreamJob = {
  /** Route.upstreamModel: "flux-2-flex", "fal-ai/flux-2-flex/edit", "black-forest-labs/flux-2-pro", "gpt-image-1.5". */
  upstreamModel: string;
  task: ModelTask;
  /**
   * Validated against the variant's parameter schema with defaults filled in. Catalog names, which
   * the adapter renames per upstream: prompt, image_urls, aspect_ratio, seed, steps, guidance,
   * prompt_upsampling, disable_pup, safety_tolerance, output_format, negative_prompt, raw,
   * background, input_fidelity, style (and any other the catalog adds: pass unknown ones through
   * only where the upstream takes the same name).
   */
  input: Record<string, unknown>;
  /** Output size in pixels, from the variant's resolution tier and the aspect ratio. */
  width: number;
  height: number;
  /** Ask the upstream to call us when the job ends, where its protocol supports it. */
  webhook?: { url: string; secret: string };
};

/** What the gateway stores to find the job upstream again (Task.upstream, JSON). */
export type UpstreamRef = {
  id: string;
  /** Poll here, exactly as returned (BFL's polling_url, fal's status_url, Replicate's urls.get). */
  pollUrl: string | null;
  /** fal's response_url. */
  responseUrl?: string | null;
  cancelUrl?: string | null;
};

export type UpstreamImage =
  | { url: string; width?: number; height?: number; contentType?: string }
  | { base64: string; contentType: string; width?: number; height?: number };

export type UpstreamFailureReason = "moderated" | "generation_failed" | "canceled" | "upstream_error";

export type UpstreamStatus =
  | { state: "queued"; queuePosition?: number }
  | { state: "running"; progress?: number }
  | { state: "succeeded"; images: UpstreamImage[]; costMicros?: number; seed?: number }
  | { state: "failed"; reason: UpstreamFailureReason; message: string }
  /** The upstream does not know the id (BFL "Task not found"): the worker decides by the job's age. */
  | { state: "not_found" };

export type Submitted = {
  ref: UpstreamRef;
  /** The upstream's own price for this job, when it says (BFL `cost` is in credits of $0.01). */
  costMicros?: number;
  /** Set when the upstream answered with the outcome at once (OpenAI images, Replicate with Prefer: wait). */
  status?: UpstreamStatus;
};

/**
 * Why an upstream call did not give an answer. `retryable` kinds before acceptance send the job to
 * the next route (and count against the provider's circuit); `rejected` means this input will not
 * work on this upstream.
 */
export type UpstreamErrorKind =
  /** 429 */
  | "rate_limited"
  /** 5xx, 503 */
  | "unavailable"
  /** DNS, refused, reset, timeout */
  | "unreachable"
  /** 401/403: our credential */
  | "auth"
  /** 402: our upstream account is out of credit */
  | "insufficient_funds"
  /** 400/404/422: this request will not work there */
  | "rejected"
  /** 2xx whose body did not parse */
  | "invalid_response";

export class UpstreamError extends Error {
  constructor(
    readonly kind: UpstreamErrorKind,
    message: string,
    readonly options: { httpStatus?: number; retryAfterSec?: number } = {},
  ) {
    super(message);
    this.name = "UpstreamError";
  }

  /** Whether another route (or a later poll) may succeed where this call failed. */
  get retryable(): boolean {
    return this.kind !== "rejected";
  }
}

/** An incoming upstream webhook, as the route handler read it. */
export type WebhookRequest = { headers: Headers; rawBody: Uint8Array };

export type WebhookEvent = { upstreamId: string; status: UpstreamStatus };

export interface ProviderAdapter {
  readonly protocol: UpstreamProtocol;
  /** Throws UpstreamError; never resolves for a job the upstream did not accept. */
  submit(endpoint: Endpoint, job: UpstreamJob, signal?: AbortSignal): Promise<Submitted>;
  /** Throws UpstreamError on transport failures: the outcome is then unknown, not failed. */
  poll(endpoint: Endpoint, ref: UpstreamRef, signal?: AbortSignal): Promise<UpstreamStatus>;
  /** "unsupported" where the protocol has no cancel (BFL, OpenAI). */
  cancel(endpoint: Endpoint, ref: UpstreamRef): Promise<"canceled" | "too_late" | "unsupported">;
  /**
   * Verifies an incoming webhook's signature (throws UpstreamError "rejected" when it fails) and
   * parses it. `secret` is what the gateway passed on submit (BFL) or the upstream's signing secret
   * (Replicate); fal verifies against its JWKS. Null for events that carry no outcome (Replicate
   * "start"/"logs").
   */
  verifyWebhook(endpoint: Endpoint, request: WebhookRequest, secret: string | undefined): Promise<WebhookEvent | null>;
}
