import { z } from "zod";

// The error vocabulary every domain throws. It names what went wrong, never how a transport shows
// it: lib/http maps each code to a status and renders it in the route's envelope.
export const errorCodes = [
  "unauthorized",
  "insufficient_credits",
  "spend_cap_reached",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "idempotency_conflict",
  "idempotency_in_progress",
  "idempotency_mismatch",
  "payload_too_large",
  "unsupported_media_type",
  "bad_request",
  "validation_error",
  "rate_limited",
  "key_limit_exceeded",
  "maintenance",
  "internal",
  "generation_failed",
  "upstream_error",
  "service_unavailable",
  "gateway_timeout",
  "feature_disabled",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One failing field of a request: `path` as dotted segments ("input.steps"), `message` for people. */
export type FieldIssue = { path: string; message: string };

export type AppErrorOptions = {
  /** The request field at fault, when there is one. */
  param?: string;
  /** Every failing field, for validation errors. */
  issues?: FieldIssue[];
  /** When the same request may succeed: a client should wait this long before retrying. */
  retryAfterSec?: number;
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Every issue of a zod error as a field list, each path under `prefix` (e.g. "input"). */
export function fieldIssues(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)].join(".");
    return { path, message: issue.message };
  });
}

/** A 422-class error naming every failing field; the message leads with the first. */
export function validationError(error: z.ZodError, prefix?: string): AppError {
  const issues = fieldIssues(error, prefix);
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more: see details)` : "";
  const message = first ? `${first.path ? `${first.path}: ` : ""}${first.message}${more}` : "Invalid request";
  return new AppError("validation_error", message, { param: first?.path || undefined, issues });
}
