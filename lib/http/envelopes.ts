import { ApiError, apiErrorCodes } from "./errors";

export type Envelope = "openai" | "task";

/** `{error:{message,type,param,code}}` for OpenAI-compatible routes, `{code,msg,data}` for task routes. */
export function errorResponse(error: ApiError, envelope: Envelope, requestId: string): Response {
  const headers = { "x-request-id": requestId, ...error.options.headers };
  if (envelope === "task") {
    return Response.json({ code: error.status, msg: error.message, data: null }, { status: error.status, headers });
  }
  return Response.json(
    {
      error: {
        message: error.message,
        type: apiErrorCodes[error.code].openaiType,
        param: error.options.param ?? null,
        code: error.code,
      },
    },
    { status: error.status, headers },
  );
}

export function successResponse(data: unknown, envelope: Envelope, requestId: string): Response {
  const body = envelope === "task" ? { code: 200, msg: "success", data } : data;
  return Response.json(body, { headers: { "x-request-id": requestId } });
}
