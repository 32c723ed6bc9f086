import { z } from "zod";

// One error vocabulary for every API surface; each surface renders it in its own envelope.
export const apiErrorCodes = {
  unauthorized: { status: 401, openaiType: "authentication_error" },
  insufficient_credits: { status: 402, openaiType: "insufficient_credits" },
  spend_cap_reached: { status: 402, openaiType: "insufficient_credits" },
  forbidden: { status: 403, openaiType: "permission_error" },
  not_found: { status: 404, openaiType: "not_found" },
  method_not_allowed: { status: 405, openaiType: "invalid_request_error" },
  idempotency_conflict: { status: 409, openaiType: "invalid_request_error" },
  payload_too_large: { status: 413, openaiType: "invalid_request_error" },
  validation_error: { status: 422, openaiType: "invalid_request_error" },
  rate_limited: { status: 429, openaiType: "rate_limit_error" },
  key_limit_exceeded: { status: 433, openaiType: "rate_limit_error" },
  maintenance: { status: 455, openaiType: "service_unavailable" },
  internal: { status: 500, openaiType: "server_error" },
  generation_failed: { status: 501, openaiType: "server_error" },
  upstream_error: { status: 502, openaiType: "server_error" },
  service_unavailable: { status: 503, openaiType: "service_unavailable" },
  feature_disabled: { status: 505, openaiType: "invalid_request_error" },
} as const;

export type ApiErrorCode = keyof typeof apiErrorCodes;

export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly options: { param?: string; details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = apiErrorCodes[code].status;
  }
}

export function validationError(error: z.ZodError): ApiError {
  const first = error.issues[0];
  const param = first?.path.join(".") || undefined;
  const message = first ? `${param ? `${param}: ` : ""}${first.message}` : "Invalid request";
  return new ApiError("validation_error", message, { param, details: z.flattenError(error) });
}
