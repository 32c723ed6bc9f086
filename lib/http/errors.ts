import type { ErrorCode } from "@/lib/errors";

/**
 * How each error code reaches a client. `status` is the HTTP status; `taskCode` is the body's
 * `code` in the task envelope, which keeps the seed table's non-standard codes (433, 455, 501, 505)
 * while the HTTP status stays one that proxies, retry middleware and generic clients read right:
 *   433 key spend cap     -> HTTP 402 (like the account's caps: retrying will not help today)
 *   455 maintenance       -> HTTP 503 with Retry-After (temporary, retryable, never cached)
 *   501 generation failed -> HTTP 502 (the upstream failed; a real 501 is cacheable by default)
 *   505 model disabled    -> HTTP 403 (a real 505 means "HTTP version not supported")
 */
export const httpErrors: Record<ErrorCode, { status: number; taskCode: number; openaiType: string }> = {
  bad_request: { status: 400, taskCode: 400, openaiType: "invalid_request_error" },
  unauthorized: { status: 401, taskCode: 401, openaiType: "authentication_error" },
  insufficient_credits: { status: 402, taskCode: 402, openaiType: "insufficient_credits" },
  spend_cap_reached: { status: 402, taskCode: 402, openaiType: "insufficient_credits" },
  key_limit_exceeded: { status: 402, taskCode: 433, openaiType: "insufficient_credits" },
  forbidden: { status: 403, taskCode: 403, openaiType: "permission_error" },
  feature_disabled: { status: 403, taskCode: 505, openaiType: "invalid_request_error" },
  not_found: { status: 404, taskCode: 404, openaiType: "not_found" },
  method_not_allowed: { status: 405, taskCode: 405, openaiType: "invalid_request_error" },
  conflict: { status: 409, taskCode: 409, openaiType: "invalid_request_error" },
  idempotency_conflict: { status: 409, taskCode: 409, openaiType: "invalid_request_error" },
  idempotency_in_progress: { status: 409, taskCode: 409, openaiType: "invalid_request_error" },
  payload_too_large: { status: 413, taskCode: 413, openaiType: "invalid_request_error" },
  unsupported_media_type: { status: 415, taskCode: 415, openaiType: "invalid_request_error" },
  idempotency_mismatch: { status: 422, taskCode: 422, openaiType: "invalid_request_error" },
  validation_error: { status: 422, taskCode: 422, openaiType: "invalid_request_error" },
  rate_limited: { status: 429, taskCode: 429, openaiType: "rate_limit_error" },
  internal: { status: 500, taskCode: 500, openaiType: "server_error" },
  generation_failed: { status: 502, taskCode: 501, openaiType: "server_error" },
  upstream_error: { status: 502, taskCode: 500, openaiType: "server_error" },
  maintenance: { status: 503, taskCode: 455, openaiType: "service_unavailable" },
  service_unavailable: { status: 503, taskCode: 503, openaiType: "service_unavailable" },
  gateway_timeout: { status: 504, taskCode: 504, openaiType: "server_error" },
};
