import type { AppError } from "@/lib/errors";
import { httpErrors } from "./errors";

export type Envelope = "openai" | "task";

function errorHeaders(error: AppError, requestId: string): Record<string, string> {
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (error.options.retryAfterSec !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(error.options.retryAfterSec)));
  return headers;
}

/** The error's JSON body in the route's envelope, without the HTTP status (see httpErrors). */
export function errorBody(error: AppError, envelope: Envelope): unknown {
  const { taskCode, openaiType } = httpErrors[error.code];
  const details = error.options.issues;
  if (envelope === "task") {
    return { code: taskCode, msg: error.message, data: null, ...(details ? { details } : {}) };
  }
  return {
    error: {
      message: error.message,
      type: openaiType,
      param: error.options.param ?? null,
      code: error.code,
      ...(details ? { details } : {}),
    },
  };
}

/** `{error:{message,type,param,code}}` for OpenAI-compatible routes, `{code,msg,data}` for task routes. */
export function errorResponse(error: AppError, envelope: Envelope, requestId: string): Response {
  return Response.json(errorBody(error, envelope), {
    status: httpErrors[error.code].status,
    headers: errorHeaders(error, requestId),
  });
}

export function successBody(data: unknown, envelope: Envelope): unknown {
  return envelope === "task" ? { code: 200, msg: "success", data } : data;
}

export function successResponse(data: unknown, envelope: Envelope, requestId: string): Response {
  return Response.json(successBody(data, envelope), { headers: { "x-request-id": requestId } });
}
