import "server-only";
import type { z } from "zod";
import { UpstreamError } from "./types";

const DEFAULT_TIMEOUT_MS = 30_000;
/** Upstream JSON is small except OpenAI's base64 images (a few MB each). */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** How much of an upstream's own error text may reach our logs and messages. */
const MAX_MESSAGE_CHARS = 300;

export type HttpCall = {
  /** Names the upstream in messages ("bfl"); never a URL, which may carry ids or signatures. */
  upstream: string;
  method: "GET" | "POST" | "PUT";
  url: string;
  headers?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as multipart/form-data (fetch writes the boundary). */
  form?: FormData;
  timeoutMs?: number;
  signal?: AbortSignal;
  maxBytes?: number;
  /** Replaces the global fetch, e.g. with an SSRF-safe one for URLs that users chose. */
  fetch?: typeof fetch;
};

export type HttpResponse = { status: number; headers: Headers; bytes: Uint8Array };

function networkMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  return cause instanceof Error ? cause.message : String(cause);
}

async function readCapped(response: Response, maxBytes: number, upstream: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new UpstreamError("invalid_response", `${upstream} answered with more than ${maxBytes} bytes`, {
      httpStatus: response.status,
    });
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new UpstreamError("invalid_response", `${upstream} answered with more than ${maxBytes} bytes`, {
        httpStatus: response.status,
      });
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

/**
 * One HTTP exchange, body read in full. Anything that keeps an answer from arriving (refused,
 * reset, DNS, our timeout, the caller's abort) is "unreachable": the request may or may not have
 * reached the upstream. Any status comes back as it is; see statusError.
 */
export async function send(call: HttpCall): Promise<HttpResponse> {
  const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
  const headers: Record<string, string> = { accept: "application/json", ...call.headers };
  let body: BodyInit | undefined;
  if (call.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(call.json);
  } else if (call.form) {
    body = call.form;
  }
  try {
    const response = await (call.fetch ?? fetch)(call.url, { method: call.method, headers, body, signal, redirect: "follow" });
    const bytes = await readCapped(response, call.maxBytes ?? DEFAULT_MAX_BYTES, call.upstream);
    return { status: response.status, headers: response.headers, bytes };
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    if (timeout.aborted) throw new UpstreamError("unreachable", `${call.upstream} did not answer within ${timeoutMs} ms`);
    if (call.signal?.aborted) throw new UpstreamError("unreachable", `${call.upstream} request aborted`);
    throw new UpstreamError("unreachable", `${call.upstream} unreachable: ${networkMessage(error)}`);
  }
}

export function textOf(response: HttpResponse): string {
  return Buffer.from(response.bytes).toString("utf8");
}

/** The text parsed as JSON, or null: for error bodies, which may be anything. */
export function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_MESSAGE_CHARS ? `${flat.slice(0, MAX_MESSAGE_CHARS - 1)}…` : flat;
}

function detailItem(item: unknown): string | null {
  if (typeof item === "string") return item;
  if (!item || typeof item !== "object") return null;
  const { loc, msg, message } = item as { loc?: unknown; msg?: unknown; message?: unknown };
  const text = typeof msg === "string" ? msg : typeof message === "string" ? message : null;
  if (!text) return null;
  const path = Array.isArray(loc) ? loc.filter((p) => p !== "body").join(".") : "";
  return path ? `${path}: ${text}` : text;
}

/** The upstream's own explanation from the error shapes they use, else the start of the body. */
export function summariseError(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return truncate(text);
  }
  if (parsed && typeof parsed === "object") {
    const { detail, error, message, msg, title } = parsed as Record<string, unknown>;
    const candidates: unknown[] = [
      Array.isArray(detail) ? detail.map(detailItem).filter(Boolean).join("; ") : detail,
      error && typeof error === "object" ? (error as { message?: unknown }).message : error,
      message,
      msg,
      title,
    ];
    const found = candidates.find((c): c is string => typeof c === "string" && c.trim() !== "");
    if (found) return truncate(found);
  }
  return truncate(text);
}

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date. */
export function retryAfterSec(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The UpstreamError a non-2xx answer stands for. */
export function statusError(upstream: string, response: HttpResponse): UpstreamError {
  const { status } = response;
  const summary = summariseError(textOf(response));
  const message = `${upstream} answered ${status}${summary ? `: ${summary}` : ""}`;
  const options = { httpStatus: status };
  if (status === 429) {
    return new UpstreamError("rate_limited", message, { ...options, retryAfterSec: retryAfterSec(response.headers) });
  }
  if (status === 401 || status === 403) return new UpstreamError("auth", message, options);
  if (status === 402) return new UpstreamError("insufficient_funds", message, options);
  if (status >= 500 || status === 408) {
    return new UpstreamError("unavailable", message, { ...options, retryAfterSec: retryAfterSec(response.headers) });
  }
  if (status >= 400) return new UpstreamError("rejected", message, options);
  return new UpstreamError("invalid_response", message, options);
}

/** Bytes parsed as JSON and by `schema`; anything else is "invalid_response". `what` names them in messages. */
export function parseJson<S extends z.ZodType>(what: string, bytes: Uint8Array, schema: S, httpStatus?: number): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new UpstreamError("invalid_response", `${what}: body is not JSON`, { httpStatus });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new UpstreamError("invalid_response", `${what}: unexpected body (${where}${issue?.message ?? "invalid"})`, {
      httpStatus,
    });
  }
  return result.data;
}

export function parseBody<S extends z.ZodType>(upstream: string, response: HttpResponse, schema: S): z.output<S> {
  return parseJson(`${upstream} answered ${response.status}`, response.bytes, schema, response.status);
}

/** send, then statusError for anything but 2xx, then parseBody. */
export async function requestJson<S extends z.ZodType>(call: HttpCall, schema: S): Promise<z.output<S>> {
  const response = await send(call);
  if (response.status < 200 || response.status > 299) throw statusError(call.upstream, response);
  return parseBody(call.upstream, response, schema);
}

export function isOk(response: HttpResponse): boolean {
  return response.status >= 200 && response.status <= 299;
}

/** "https://x/v1/" -> "https://x/v1": endpoints are configured by people. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
