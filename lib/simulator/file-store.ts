import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { json, type Reply, type SimRequest } from "./http-io";
import { contentTypes, type ImageFormat } from "./render-image";
import type { Timers } from "./timers";

// Result images behind signed, expiring URLs, like the upstreams' CDNs: BFL's delivery URLs lapse
// after 10 minutes, so a gateway that does not copy the image in time gets a 403, not the image.

export type StoredFile = { id: string; fileName: string; url: string; expiresAt: number };

export type FileStore = {
  /** Keeps the bytes until `ttlMs` passes; `expired` signs a URL that has already lapsed (and keeps nothing). */
  put(data: Buffer, format: ImageFormat, ttlMs: number, options?: { expired?: boolean }): StoredFile;
  serve(request: SimRequest): Reply;
  count(): number;
};

type Entry = { data: Buffer; format: ImageFormat; expiresAt: number };

const sweepEveryMs = 30_000;

export function createFileStore(options: {
  publicUrl: string;
  timers: Timers;
  maxEntries?: number;
  maxBytes?: number;
  now?: () => number;
}): FileStore {
  const { publicUrl, timers } = options;
  const maxEntries = options.maxEntries ?? 300;
  const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const secret = randomBytes(32);
  // Map order is recency order: a hit re-inserts its entry, eviction takes from the front.
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const sign = (name: string, exp: number) => createHmac("sha256", secret).update(`${name}:${exp}`).digest("base64url");

  function remove(id: string) {
    const entry = entries.get(id);
    if (!entry) return;
    bytes -= entry.data.length;
    entries.delete(id);
  }

  function sweep() {
    const at = now();
    for (const [id, entry] of entries) if (entry.expiresAt <= at) remove(id);
  }

  function sweepLoop() {
    sweep();
    timers.after(sweepEveryMs, sweepLoop);
  }
  timers.after(sweepEveryMs, sweepLoop);

  function signatureMatches(name: string, exp: string | null, sig: string | null): boolean {
    if (!exp || !sig || !/^\d+$/.test(exp)) return false;
    const expected = Buffer.from(sign(name, Number(exp)));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  const denied = (message: string): Reply => ({
    status: 403,
    bytes: {
      data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${message}</Message></Error>`),
      contentType: "application/xml",
    },
  });

  return {
    put(data, format, ttlMs, putOptions = {}) {
      const id = randomUUID();
      const fileName = `${id}.${format}`;
      const expiresAt = putOptions.expired ? now() - 1000 : now() + ttlMs;
      const exp = Math.floor(expiresAt / 1000);
      if (!putOptions.expired) {
        sweep();
        entries.set(id, { data, format, expiresAt: exp * 1000 });
        bytes += data.length;
        for (const oldest of entries.keys()) {
          if (entries.size <= maxEntries && bytes <= maxBytes) break;
          remove(oldest);
        }
      }
      return { id, fileName, url: `${publicUrl}/files/${fileName}?exp=${exp}&sig=${sign(fileName, exp)}`, expiresAt };
    },

    serve(request) {
      if (request.method !== "GET" && request.method !== "HEAD") return json(405, { detail: "Method Not Allowed" });
      const name = request.segments.join("/");
      const match = /^([0-9a-f-]{36})\.(png|jpeg|webp)$/.exec(name);
      const exp = request.url.searchParams.get("exp");
      const validSignature = signatureMatches(name, exp, request.url.searchParams.get("sig"));
      const lapsed = validSignature && Number(exp) * 1000 <= now();
      const found = match ? entries.get(match[1]!) : undefined;
      const entry = found?.format === match?.[2] ? found : undefined;
      if (lapsed) return denied("Request has expired");
      if (!entry || entry.expiresAt <= now()) return json(404, { detail: "File not found" });
      if (!validSignature) return denied("Signature does not match");
      entries.delete(match![1]!);
      entries.set(match![1]!, entry);
      return {
        status: 200,
        bytes: { data: entry.data, contentType: contentTypes[entry.format] },
        headers: { "cache-control": "private, max-age=600" },
      };
    },

    count() {
      sweep();
      return entries.size;
    },
  };
}
