import "server-only";
import type { Response } from "undici";
import { parseRetryAfter } from "./retry-after";
import { parseCallbackUrl, type ResolveHost, safeFetch } from "./ssrf";

export type DeliveryResult = "delivered" | "retry" | "gone" | "blocked" | "invalid_url";

export type DeliveryOutcome = {
  result: DeliveryResult;
  statusCode?: number;
  latencyMs: number;
  retryAfterSec?: number;
  /** Short, for the delivery log: never the response body. */
  error?: string;
};

export type DeliverCallbackInput = {
  url: string;
  /** The JSON document, exactly as signed. */
  body: string;
  /** Signature headers; content-type and user-agent are always ours. */
  headers: Record<string, string>;
  allowLoopback: boolean;
  timeoutMs?: number;
  resolveHost?: ResolveHost;
};

const USER_AGENT = "Lumigate-Webhooks/1";
const MAX_RESPONSE_BYTES = 64 * 1024;
const MAX_ERROR_LENGTH = 200;

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current instanceof Error && chain.length < 8; current = current.cause) chain.push(current);
  return chain;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function failureOutcome(error: unknown, latencyMs: number, timeoutMs: number): DeliveryOutcome {
  const chain = errorChain(error) as Error[];
  const blocked = chain.find((e) => codeOf(e) === "SSRF_BLOCKED");
  if (blocked) return { result: "blocked", latencyMs, error: blocked.message.slice(0, MAX_ERROR_LENGTH) };
  if (chain.some((e) => e.name === "TimeoutError")) return { result: "retry", latencyMs, error: `timed out after ${timeoutMs} ms` };
  const root = chain.at(-1);
  const code = root && codeOf(root);
  const message = root ? `${code ? `${code}: ` : ""}${root.message}` : String(error);
  return { result: "retry", latencyMs, error: message.slice(0, MAX_ERROR_LENGTH) };
}

function responseOutcome(response: Response, latencyMs: number): DeliveryOutcome {
  const statusCode = response.status;
  if (statusCode >= 200 && statusCode < 300) return { result: "delivered", statusCode, latencyMs };
  if (statusCode === 410) return { result: "gone", statusCode, latencyMs, error: "HTTP 410: endpoint gone" };
  const retryAfterSec = parseRetryAfter(response.headers.get("retry-after"));
  const error = statusCode >= 300 && statusCode < 400 ? `HTTP ${statusCode}: redirects are not followed` : `HTTP ${statusCode}`;
  return { result: "retry", statusCode, latencyMs, error, ...(retryAfterSec === undefined ? {} : { retryAfterSec }) };
}

async function discardBody(response: Response): Promise<void> {
  if (!response.body) return;
  const reader = response.body.getReader();
  let received = 0;
  try {
    while (received < MAX_RESPONSE_BYTES) {
      const chunk = await reader.read();
      if (chunk.done) return;
      received += chunk.value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The status already decided the outcome; a body cut short or timed out changes nothing.
  }
}

function requestHeaders(headers: Record<string, string>): Record<string, string> {
  const ours = { "content-type": "application/json", "user-agent": USER_AGENT };
  const theirs = Object.entries(headers).filter(([name]) => !(name.toLowerCase() in ours));
  return { ...Object.fromEntries(theirs), ...ours };
}

/** One attempt: POST the signed body to the user's URL and say what the delivery log and schedule need. */
export async function deliverCallback(input: DeliverCallbackInput): Promise<DeliveryOutcome> {
  const { url, body, headers, allowLoopback, timeoutMs = 15_000, resolveHost } = input;
  try {
    parseCallbackUrl(url);
  } catch (error) {
    return { result: "invalid_url", latencyMs: 0, error: (error as Error).message };
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let response: Response;
  try {
    response = await safeFetch(url, {
      method: "POST",
      body,
      headers: requestHeaders(headers),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      allowLoopback,
      resolveHost,
    });
  } catch (error) {
    return failureOutcome(error, elapsed(), timeoutMs);
  }
  const outcome = responseOutcome(response, elapsed());
  await discardBody(response);
  return outcome;
}
