import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError, type ErrorCode, validationError } from "@/lib/errors";
import {
  abandonIdempotencyKey,
  claimIdempotencyKey,
  completeIdempotencyKey,
  type IdempotencyClaim,
  parseIdempotencyKey,
  requestHash,
  type StoredResult,
} from "@/lib/idempotency";
import { type KeyContext, type KeyScope, keyFromRequest, verifyKey } from "@/lib/keys";
import { clientAddress, consume, peek, rateLimitHeaders } from "@/lib/ratelimit";
import { logRequest } from "./access-log";
import { baseUrlOf } from "./base-url";
import { parseFormBody, parseJsonBody, readBody } from "./body";
import { type Envelope, errorResponse, successResponse } from "./envelopes";
import { httpErrors } from "./errors";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type Auth = "apiKey" | "session" | undefined;
type Schema = z.ZodType | undefined;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the OpenAPI document (lib/http/openapi.ts) says about a route beyond its schemas. */
export type RouteDoc = {
  summary: string;
  description?: string;
  tags: string[];
  /** The success answer's data (inside the task envelope's `data`, or the whole OpenAI-style body). */
  response?: z.ZodType;
  /** The errors the route itself raises; those of authentication, limits and parsing are added. */
  errors?: ErrorCode[];
  /** An example request body. */
  example?: unknown;
};

export type Spec<Q extends Schema = Schema, P extends Schema = Schema, B extends Schema = Schema, A extends Auth = Auth> = {
  envelope: Envelope;
  doc?: RouteDoc;
  query?: Q;
  /** Path parameters, as Next hands them over (already decoded once). */
  params?: P;
  /** The request body: JSON for `bodyFormat: "json"` (default), multipart or urlencoded for "form". */
  body?: B;
  bodyFormat?: "json" | "form";
  /** Larger bodies are refused with 413 before they are read whole. Default 256 KiB. */
  maxBodyBytes?: number;
  /**
   * "apiKey": the route takes an API key (never a session cookie) and hands its context to the handler.
   * "session": the signed-in user (or null) from the session cookie; a cross-site write is refused with 403.
   */
  auth?: A;
  /** The scope the key must hold (any one of a list); without it the answer is 403. */
  scope?: A extends "apiKey" ? KeyScope | KeyScope[] : never;
  /** The per-key request window (the key's ratePer10s per 10 s). On by default for key routes. */
  limit?: A extends "apiKey" ? boolean : never;
  /** Honour an Idempotency-Key header: the same key and body within 24 h replay the first result. */
  idempotency?: A extends "apiKey" ? boolean : never;
  /** The status of a success answer: 201 where the API being emulated says "created" (Replicate). Default 200. */
  successStatus?: 200 | 201;
};

type HandlerArgs<Q extends Schema, P extends Schema, B extends Schema, A extends Auth> = {
  req: Request;
  query: Parsed<Q>;
  params: P extends z.ZodType ? z.output<P> : Record<string, string | string[] | undefined>;
  body: Parsed<B>;
  requestId: string;
  key: A extends "apiKey" ? KeyContext : undefined;
  /** Who is signed in, for `auth: "session"`; null for a signed-out visitor. */
  user: A extends "session" ? SessionUser | null : undefined;
  /** Set when the request carried an Idempotency-Key: complete it inside the transaction of the effect. */
  idempotency: IdempotencyClaim | null;
  /** Headers to add to the answer, whatever it turns out to be (a Set-Cookie, say). */
  responseHeaders: Record<string, string>;
};

const KEY_WINDOW_SEC = 10;
const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
// Each made-up key costs a database lookup: an address that keeps sending them is turned away
// before its next lookup (keys this instance has verified lately need none, and skip the check).
const badKeysPerAddress = { points: 60, durationSec: 60 };

export function newRequestId(): string {
  return `req_${randomBytes(12).toString("base64url")}`;
}

async function authenticate(req: Request, scope: KeyScope | KeyScope[] | undefined): Promise<KeyContext> {
  const raw = keyFromRequest(req);
  if (!raw) {
    throw new AppError("unauthorized", "Missing API key: send it as `Authorization: Bearer <key>` or `x-api-key: <key>`.");
  }
  const address = clientAddress(req.headers);
  const refuseBadKeySender = async () => {
    if ((await peek("bad-key-ip", address, badKeysPerAddress)) < badKeysPerAddress.points) return;
    throw new AppError("rate_limited", `Too many requests with invalid API keys from this address; retry in ${badKeysPerAddress.durationSec} s.`, {
      retryAfterSec: badKeysPerAddress.durationSec,
    });
  };
  let key: KeyContext;
  try {
    key = await verifyKey(raw, { unverified: refuseBadKeySender });
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") await consume("bad-key-ip", address, badKeysPerAddress);
    throw error;
  }
  const anyOf = [scope ?? []].flat();
  if (anyOf.length > 0 && !anyOf.some((s) => key.scopes.includes(s))) {
    throw new AppError("forbidden", `This API key lacks the '${anyOf.join("' or '")}' scope.`);
  }
  return key;
}

/**
 * A cookie rides along on any site's form or fetch, so a write under `auth: "session"` must come
 * from our own pages: refused when the browser says it is cross-site, or names another origin.
 */
function refuseCrossSite(req: Request): void {
  if (req.method === "GET" || req.method === "HEAD") return;
  const origin = req.headers.get("origin");
  const ownOrigins = [new URL(req.url).origin, ...(env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).origin] : [])];
  if (req.headers.get("sec-fetch-site") === "cross-site" || (origin !== null && !ownOrigins.includes(origin))) {
    throw new AppError("forbidden", "Cross-site requests are refused: send this request from the Lumigate site itself.");
  }
}

/** Takes one request from the key's window and fills in the RateLimit-* headers to answer with. */
async function limitKey(key: KeyContext, headers: Record<string, string>): Promise<void> {
  const result = await consume("key", key.keyId, { points: key.ratePer10s, durationSec: KEY_WINDOW_SEC });
  Object.assign(headers, rateLimitHeaders(result));
  if (!result.allowed) {
    throw new AppError(
      "rate_limited",
      `Rate limit of ${result.limit} requests per ${KEY_WINDOW_SEC} s reached for this key; retry in ${result.retryAfterSec} s.`,
      { retryAfterSec: result.retryAfterSec },
    );
  }
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(headers);
  response.headers.forEach((value, name) => merged.set(name, value));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, prefix);
  return parsed.data;
}

function hasNul(value: unknown): boolean {
  return [value].flat().some((v) => typeof v === "string" && v.includes("\u0000"));
}

async function readInput(req: Request, spec: { body?: z.ZodType; bodyFormat?: "json" | "form"; maxBodyBytes?: number }) {
  const bytes = spec.body || req.method !== "GET" ? await readBody(req, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) : new Uint8Array(0);
  if (!spec.body) return { bytes, body: undefined };
  if (spec.bodyFormat === "form") {
    const type = req.headers.get("content-type") ?? "";
    if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
      throw new AppError("unsupported_media_type", "Send this request as multipart/form-data.");
    }
    return { bytes, body: parseWith(spec.body, await parseFormBody(bytes, type)) };
  }
  return { bytes, body: parseWith(spec.body, parseJsonBody(bytes)) };
}

function toStored(error: AppError): StoredResult {
  return { ok: false, error: { code: error.code, message: error.message, options: error.options } };
}

/**
 * The wrapper every public API route is declared with: request id, API key authentication, scope
 * and rate limit (for `auth: "apiKey"`), a size-capped body, query/params/body parsing with zod
 * (422 naming every failing field), Idempotency-Key replay, the error vocabulary rendered in the
 * route's envelope, and one log line per request. Handlers return data (rendered in the envelope)
 * or a Response.
 */
export function apiRoute<
  Q extends Schema = undefined,
  P extends Schema = undefined,
  B extends Schema = undefined,
  A extends Auth = undefined,
>(spec: Spec<Q, P, B, A>, handler: (args: HandlerArgs<Q, P, B, A>) => Promise<unknown>): ApiRoute {
  const route = async (req: Request, context: RouteContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64).replace(/[^\w.-]/g, "") || newRequestId();
    const started = performance.now();
    const url = new URL(req.url);
    let key: KeyContext | undefined = undefined;
    let user: SessionUser | null | undefined = undefined;
    let claim: IdempotencyClaim | null = null;
    const headers: Record<string, string> = {};
    let response: Response;
    try {
      if (spec.auth === "apiKey") {
        key = await authenticate(req, spec.scope);
        if (spec.limit !== false) await limitKey(key, headers);
      } else if (spec.auth === "session") {
        refuseCrossSite(req);
        user = await getCurrentUser();
      }
      const rawQuery = Object.fromEntries(url.searchParams);
      const rawParams = (await context?.params) ?? {};
      if (Object.values(rawQuery).some(hasNul) || Object.values(rawParams).some(hasNul)) {
        throw new AppError("bad_request", "The URL contains a NUL character, which no parameter accepts.");
      }
      const query = spec.query ? parseWith(spec.query, rawQuery) : undefined;
      const params = spec.params ? parseWith(spec.params, rawParams) : rawParams;
      const { bytes, body } = await readInput(req, spec);

      const idempotencyKey = spec.idempotency && key ? parseIdempotencyKey(req.headers.get("idempotency-key")) : null;
      let replay: StoredResult | null = null;
      if (idempotencyKey && key) {
        const claimed = await claimIdempotencyKey({
          accountId: key.accountId,
          key: idempotencyKey,
          requestHash: requestHash(req.method, `${url.pathname}${url.search}`, bytes),
        });
        if (claimed.kind === "replay") replay = claimed.result;
        else claim = claimed.claim;
      }
      if (replay) {
        headers["Idempotent-Replayed"] = "true";
        if (!replay.ok) throw new AppError(replay.error.code, replay.error.message, replay.error.options);
        response = successResponse(replay.data, spec.envelope, requestId, spec.successStatus);
      } else {
        const result = await handler({
          req,
          query: query as Parsed<Q>,
          params: params as HandlerArgs<Q, P, B, A>["params"],
          body: body as Parsed<B>,
          requestId,
          key: key as HandlerArgs<Q, P, B, A>["key"],
          user: user as HandlerArgs<Q, P, B, A>["user"],
          idempotency: claim,
          responseHeaders: headers,
        });
        if (claim && !(result instanceof Response)) await completeIdempotencyKey(claim, { ok: true, data: result });
        response = result instanceof Response ? result : successResponse(result, spec.envelope, requestId, spec.successStatus);
      }
    } catch (error) {
      if (!(error instanceof AppError)) {
        // Prisma's, a provider's or Stripe's message stays in the log, never in the response.
        console.error(`[api] ${requestId} unhandled error`, error);
      }
      const appError =
        error instanceof AppError
          ? error
          : new AppError("internal", `Internal server error. Quote request id ${requestId} when asking for help.`);
      if (claim) {
        // A client error is the answer to this request and replays as such; our own failure frees the key.
        const settled =
          httpErrors[appError.code].status < 500
            ? completeIdempotencyKey(claim, toStored(appError))
            : abandonIdempotencyKey(claim);
        await settled.catch((e: unknown) => console.error(`[api] ${requestId} could not settle the idempotency key`, e));
      }
      response = errorResponse(appError, spec.envelope, requestId, baseUrlOf(req));
    }
    if (spec.auth === "apiKey" && response.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="lumigate"';
    if (Object.keys(headers).length > 0) response = withHeaders(response, headers);
    const ms = (performance.now() - started).toFixed(1);
    logRequest(`[api] ${req.method} ${url.pathname} ${response.status} ${ms}ms ${requestId}${key ? ` ${key.keyId}` : user ? ` ${user.id}` : ""}`);
    return response;
  };
  // The OpenAPI document reads each route's spec from its handler, so the two cannot drift.
  return Object.assign(route, { spec: spec as Spec });
}

export type ApiRoute = ((req: Request, context: RouteContext) => Promise<Response>) & { spec: Spec };
