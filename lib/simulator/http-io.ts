import type { IncomingMessage, ServerResponse } from "node:http";

export type Reply = {
  status: number;
  /** Sent as JSON unless `bytes` is set. */
  body?: unknown;
  bytes?: { data: Buffer; contentType: string };
  headers?: Record<string, string>;
};

/** One request as a protocol handler sees it: the path below the protocol's prefix, split. */
export type SimRequest = {
  method: string;
  url: URL;
  segments: string[];
  header(name: string): string | undefined;
  body(): Promise<Buffer>;
  /** Aborted when the client goes away or the simulator stops: held requests let go then. */
  signal: AbortSignal;
};

export class PayloadTooLargeError extends Error {}

// Base64 input images make bodies large; real upstreams take tens of megabytes.
const maxBodyBytes = 64 * 1024 * 1024;

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, body, ...(headers ? { headers } : {}) };
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new PayloadTooLargeError(`Request body over ${maxBodyBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export type JsonBody = { ok: true; value: unknown } | { ok: false };

export function parseJson(raw: Buffer): JsonBody {
  try {
    return { ok: true, value: JSON.parse(raw.toString("utf8")) as unknown };
  } catch {
    return { ok: false };
  }
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const data = reply.bytes ? reply.bytes.data : Buffer.from(reply.body === undefined ? "" : JSON.stringify(reply.body));
  const contentType = reply.bytes ? reply.bytes.contentType : "application/json";
  res.writeHead(reply.status, {
    "content-type": contentType,
    "content-length": String(data.length),
    ...reply.headers,
  });
  res.end(data);
}

/** The credential after the scheme word, e.g. `Key abc` -> `abc`; null when absent or another scheme. */
export function credentialFrom(header: string | undefined, schemes: string[]): string | null {
  if (!header) return null;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const value = rest.join(" ");
  if (!scheme || !value || !schemes.some((s) => s.toLowerCase() === scheme.toLowerCase())) return null;
  return value;
}
