import type { ErrorCode } from "@/lib/errors";

export type ErrorDoc = {
  /** When a client gets it. */
  when: string;
  /** What the client should do about it. */
  fix: string;
  /** Whether the same request, sent again later, can succeed. */
  retry: "yes" | "no" | "after Retry-After";
};

/**
 * One entry per error code: the errors guide at /docs/errors renders it, and every error answer
 * links its entry as `doc_url`.
 */
export const errorDocs: Record<ErrorCode, ErrorDoc> = {
  bad_request: {
    when: "The request cannot be read: a malformed JSON body, a URL that is not valid percent-encoding, or a NUL character.",
    fix: "Send well-formed JSON with `Content-Type: application/json` and properly encoded URLs.",
    retry: "no",
  },
  unauthorized: {
    when: "No API key, or one that does not exist, was revoked or has expired.",
    fix: "Send `Authorization: Bearer <key>` (or `x-api-key: <key>`) with a key from the dashboard's API keys page.",
    retry: "no",
  },
  insufficient_credits: {
    when: "The account's available balance is below the price of what was asked for. Nothing was created or charged.",
    fix: "Top up the balance, or use a test key (`lg_test_...`), which runs free on the simulator.",
    retry: "no",
  },
  spend_cap_reached: {
    when: "The account's daily or monthly spend cap would be passed by this request.",
    fix: "Wait for the next day or month (UTC), or raise the cap in the dashboard's settings.",
    retry: "no",
  },
  key_limit_exceeded: {
    when: "This key's own daily spend cap would be passed (task envelope code 433).",
    fix: "Wait for the next UTC day, raise the key's cap, or use another key.",
    retry: "no",
  },
  forbidden: {
    when: "The key lacks the scope the route needs (`generate` to create tasks, `read` to read them).",
    fix: "Create a key with the scope the route names in the message.",
    retry: "no",
  },
  feature_disabled: {
    when: "The model is disabled on this gateway (task envelope code 505).",
    fix: "Pick another model: GET /api/v1/models lists those that run.",
    retry: "no",
  },
  not_found: {
    when: "The model, task or endpoint does not exist, or the task belongs to another account.",
    fix: "Check the id. Model ids come from GET /api/v1/models; any alias shown there works.",
    retry: "no",
  },
  method_not_allowed: {
    when: "The endpoint exists but not with this HTTP method.",
    fix: "Use the method the API reference gives for the endpoint.",
    retry: "no",
  },
  conflict: {
    when: "The task is no longer in a state that allows this, e.g. cancelling a task its upstream has started.",
    fix: "Read the task with recordInfo; the message says why.",
    retry: "no",
  },
  idempotency_conflict: {
    when: "The same task was submitted twice at the same moment; the first submission stands.",
    fix: "Read the task with recordInfo. Send an Idempotency-Key to make retries safe.",
    retry: "no",
  },
  idempotency_in_progress: {
    when: "The first request with this Idempotency-Key is still running.",
    fix: "Retry after a moment: you will get the first request's answer.",
    retry: "yes",
  },
  idempotency_mismatch: {
    when: "The Idempotency-Key was first used with another method, path or body.",
    fix: "Send exactly the first request again, or use a new key.",
    retry: "no",
  },
  payload_too_large: {
    when: "The body is larger than the endpoint accepts (256 KiB for JSON; see the reference for uploads).",
    fix: "Pass images by URL rather than inline, or send smaller files.",
    retry: "no",
  },
  unsupported_media_type: {
    when: "The body's Content-Type is not one the endpoint reads.",
    fix: "Send JSON as `application/json`; uploads as `multipart/form-data`.",
    retry: "no",
  },
  validation_error: {
    when: "A field is missing, out of range or of the wrong type. `details` lists every failing field with its path, e.g. `input.steps`.",
    fix: "Fix the fields named; GET /api/v1/models/{id} lists each parameter with its range and default.",
    retry: "no",
  },
  rate_limited: {
    when: "Too many requests for this key in the last 10 s, too many tasks in flight for the account, or too many attempts from one address.",
    fix: "Wait for the seconds in the Retry-After header; the RateLimit-* headers show the window.",
    retry: "after Retry-After",
  },
  internal: {
    when: "Something failed on our side. Nothing was charged.",
    fix: "Retry with the same Idempotency-Key; if it persists, quote the request id (x-request-id) to the operator.",
    retry: "yes",
  },
  generation_failed: {
    when: "The upstream could not make the image: moderation, an upstream error or the deadline (task envelope code 501). Nothing was charged.",
    fix: "Read `failMsg`; change the prompt if it was moderated, or retry.",
    retry: "yes",
  },
  upstream_error: {
    when: "Every upstream route for the model failed to accept the job. Nothing was charged.",
    fix: "Retry later.",
    retry: "yes",
  },
  maintenance: {
    when: "The model is under maintenance (task envelope code 455).",
    fix: "Retry after the Retry-After header, or pick another model.",
    retry: "after Retry-After",
  },
  service_unavailable: {
    when: "No upstream is configured for this model on this gateway, or a dependency is down.",
    fix: "Pick another model, or ask the operator to configure the provider.",
    retry: "yes",
  },
  gateway_timeout: {
    when: "A waiting endpoint (the OpenAI-compatible images API) gave up before the image was ready. The task runs on and is charged only if it succeeds.",
    fix: "Use createTask and poll recordInfo (or a callback) for long generations.",
    retry: "no",
  },
};

export const ERRORS_GUIDE_PATH = "/docs/errors";

export function errorDocUrl(base: string, code: ErrorCode): string {
  return `${base}${ERRORS_GUIDE_PATH}#${code}`;
}
