import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type Envelope, errorResponse, successResponse } from "./envelopes";
import { ApiError } from "./errors";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type Spec<Q extends z.ZodType | undefined> = {
  envelope: Envelope;
  query?: Q;
};

type HandlerArgs<Q> = {
  req: Request;
  query: Q extends z.ZodType ? z.infer<Q> : undefined;
  params: Record<string, string | string[] | undefined>;
  requestId: string;
};

export function newRequestId(): string {
  return `req_${randomBytes(12).toString("base64url")}`;
}

export function validationError(error: z.ZodError): ApiError {
  const first = error.issues[0];
  const param = first?.path.join(".") || undefined;
  const message = first ? `${param ? `${param}: ` : ""}${first.message}` : "Invalid request";
  return new ApiError("validation_error", message, { param, details: z.flattenError(error) });
}

/**
 * The wrapper every public API route is declared with: request id, input parsing with zod, the
 * error vocabulary rendered in the route's envelope, and one log line per request. Handlers
 * return data (rendered in the envelope) or a Response.
 */
export function apiRoute<Q extends z.ZodType | undefined = undefined>(
  spec: Spec<Q>,
  handler: (args: HandlerArgs<Q>) => Promise<unknown>,
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || newRequestId();
    const started = performance.now();
    let response: Response;
    try {
      const url = new URL(req.url);
      let query: unknown = undefined;
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) throw validationError(parsed.error);
        query = parsed.data;
      }
      const params = (await context?.params) ?? {};
      const result = await handler({ req, query: query as HandlerArgs<Q>["query"], params, requestId });
      response = result instanceof Response ? result : successResponse(result, spec.envelope, requestId);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        // Prisma's, a provider's or Stripe's message stays in the log, never in the response.
        console.error(`[api] ${requestId} unhandled error`, error);
      }
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError("internal", `Internal server error. Quote request id ${requestId} when asking for help.`);
      response = errorResponse(apiError, spec.envelope, requestId);
    }
    const ms = (performance.now() - started).toFixed(1);
    console.log(`[api] ${req.method} ${new URL(req.url).pathname} ${response.status} ${ms}ms ${requestId}`);
    return response;
  };
}
