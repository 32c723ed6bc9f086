import type { AppError } from "@/lib/errors";
import { errorDocUrl } from "./error-docs";
import { httpErrors } from "./errors";

export type Envelope = "openai" | "task" | "mcp" | "replicate";

/** Replicate answers errors as RFC 9457 problem details; these are its titles by status. */
const problemTitles: Record<number, string> = {
  400: "Bad request",
  401: "Unauthenticated",
  402: "Payment required",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Input validation failed",
  429: "Request was throttled",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};

function errorHeaders(error: AppError, envelope: Envelope, requestId: string): Record<string, string> {
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (envelope === "replicate") headers["content-type"] = "application/problem+json";
  if (error.options.retryAfterSec !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(error.options.retryAfterSec)));
  return headers;
}

/**
 * The error's JSON body in the route's envelope, without the HTTP status (see httpErrors).
 * `doc_url` links the code's section of the errors guide on the server the client called.
 */
export function errorBody(error: AppError, envelope: Envelope, baseUrl: string): unknown {
  const { taskCode, openaiType } = httpErrors[error.code];
  const details = error.options.issues;
  const doc_url = errorDocUrl(baseUrl, error.code);
  if (envelope === "task") {
    return { code: taskCode, msg: error.message, data: null, ...(details ? { details } : {}), doc_url };
  }
  if (envelope === "mcp") {
    // What the MCP SDK's own transport answers for HTTP-level refusals: a JSON-RPC error with no id
    // (-32000, the implementation-defined server error), our code and status in `data`.
    return {
      jsonrpc: "2.0",
      id: null,
      error: {
        code: -32000,
        message: error.message,
        data: { code: error.code, status: httpErrors[error.code].status, ...(error.options.param ? { param: error.options.param } : {}), ...(details ? { details } : {}), doc_url },
      },
    };
  }
  if (envelope === "replicate") {
    const { status } = httpErrors[error.code];
    return {
      title: problemTitles[status] ?? "Error",
      detail: error.message,
      status,
      code: error.code,
      ...(details ? { invalid_fields: details.map((d) => ({ type: "invalid", field: d.path, description: d.message })) } : {}),
      doc_url,
    };
  }
  return {
    error: {
      message: error.message,
      type: openaiType,
      param: error.options.param ?? null,
      code: error.code,
      ...(details ? { details } : {}),
      doc_url,
    },
  };
}

/** `{error:{message,type,param,code}}` for OpenAI-compatible routes, `{code,msg,data}` for task routes, problem details for Replicate-compatible ones. */
export function errorResponse(error: AppError, envelope: Envelope, requestId: string, baseUrl: string): Response {
  return Response.json(errorBody(error, envelope, baseUrl), {
    status: httpErrors[error.code].status,
    headers: errorHeaders(error, envelope, requestId),
  });
}

export function successBody(data: unknown, envelope: Envelope): unknown {
  return envelope === "task" ? { code: 200, msg: "success", data } : data;
}

export function successResponse(data: unknown, envelope: Envelope, requestId: string, status = 200): Response {
  return Response.json(successBody(data, envelope), { status, headers: { "x-request-id": requestId } });
}
