import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type KeyContext, type KeyScope, keyFromRequest, verifyKey } from "@/lib/keys";
import { consume, rateLimitHeaders } from "@/lib/ratelimit";
import { type Envelope, errorResponse, successResponse } from "./envelopes";
import { ApiError, validationError } from "./errors";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type Auth = "apiKey" | undefined;

type Spec<Q extends z.ZodType | undefined, A extends Auth> = {
  envelope: Envelope;
  query?: Q;
  /** "apiKey": the route takes an API key (never a session cookie) and hands its context to the handler. */
  auth?: A;
  /** The scope the key must hold; without it the answer is 403. */
  scope?: A extends "apiKey" ? KeyScope : never;
  /** The per-key request window (the key's ratePer10s per 10 s). On by default for key routes. */
  limit?: A extends "apiKey" ? boolean : never;
};

type HandlerArgs<Q, A extends Auth> = {
  req: Request;
  query: Q extends z.ZodType ? z.infer<Q> : undefined;
  params: Record<string, string | string[] | undefined>;
  requestId: string;
  key: A extends "apiKey" ? KeyContext : undefined;
};

const KEY_WINDOW_SEC = 10;

export function newRequestId(): string {
  return `req_${randomBytes(12).toString("base64url")}`;
}

async function authenticate(req: Request, scope: KeyScope | undefined): Promise<KeyContext> {
  const raw = keyFromRequest(req);
  if (!raw) {
    throw new ApiError("unauthorized", "Missing API key: send it as `Authorization: Bearer <key>` or `x-api-key: <key>`.");
  }
  const key = await verifyKey(raw);
  if (scope && !key.scopes.includes(scope)) {
    throw new ApiError("forbidden", `This API key lacks the '${scope}' scope.`);
  }
  return key;
}

/** Takes one request from the key's window; returns the RateLimit-* headers to answer with. */
async function limitKey(key: KeyContext): Promise<Record<string, string>> {
  const result = await consume("key", key.keyId, { points: key.ratePer10s, durationSec: KEY_WINDOW_SEC });
  const headers = rateLimitHeaders(result);
  if (!result.allowed) {
    throw new ApiError(
      "rate_limited",
      `Rate limit of ${result.limit} requests per ${KEY_WINDOW_SEC} s reached for this key; retry in ${result.retryAfterSec} s.`,
      { headers },
    );
  }
  return headers;
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(headers);
  response.headers.forEach((value, name) => merged.set(name, value));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

/**
 * The wrapper every public API route is declared with: request id, API key authentication, scope
 * and rate limit (for `auth: "apiKey"`), input parsing with zod, the error vocabulary rendered in
 * the route's envelope, and one log line per request. Handlers return data (rendered in the
 * envelope) or a Response.
 */
export function apiRoute<Q extends z.ZodType | undefined = undefined, A extends Auth = undefined>(
  spec: Spec<Q, A>,
  handler: (args: HandlerArgs<Q, A>) => Promise<unknown>,
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || newRequestId();
    const started = performance.now();
    let key: KeyContext | undefined = undefined;
    let headers: Record<string, string> = {};
    let response: Response;
    try {
      if (spec.auth === "apiKey") {
        key = await authenticate(req, spec.scope);
        if (spec.limit !== false) headers = await limitKey(key);
      }
      const url = new URL(req.url);
      let query: unknown = undefined;
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) throw validationError(parsed.error);
        query = parsed.data;
      }
      const params = (await context?.params) ?? {};
      const result = await handler({
        req,
        query: query as HandlerArgs<Q, A>["query"],
        params,
        requestId,
        key: key as HandlerArgs<Q, A>["key"],
      });
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
    if (spec.auth === "apiKey") {
      if (response.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="lumigate"';
      response = withHeaders(response, headers);
    }
    const ms = (performance.now() - started).toFixed(1);
    console.log(
      `[api] ${req.method} ${new URL(req.url).pathname} ${response.status} ${ms}ms ${requestId}${key ? ` ${key.keyId}` : ""}`,
    );
    return response;
  };
}
