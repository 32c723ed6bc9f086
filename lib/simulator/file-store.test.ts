import { describe, expect, it } from "vitest";
import { createFileStore } from "./file-store";
import type { SimRequest } from "./http-io";
import { createTimers } from "./timers";

function store(options: { maxEntries?: number } = {}) {
  let clock = 1_800_000_000_000;
  const timers = createTimers();
  const files = createFileStore({ publicUrl: "http://sim.test", timers, now: () => clock, ...options });
  const get = (url: string, method = "GET") => {
    const parsed = new URL(url);
    const request: SimRequest = {
      method,
      url: parsed,
      segments: parsed.pathname.split("/").filter(Boolean).slice(1),
      header: () => undefined,
      body: async () => Buffer.alloc(0),
      signal: new AbortController().signal,
    };
    return files.serve(request);
  };
  return { files, get, advance: (ms: number) => (clock += ms), timers };
}

describe("file store", () => {
  it("serves a file with its content type while the URL is valid, then 403 once it lapsed", () => {
    const { files, get, advance, timers } = store();
    const file = files.put(Buffer.from("png-bytes"), "png", 600_000);
    expect(file.url).toMatch(/^http:\/\/sim\.test\/files\/[0-9a-f-]{36}\.png\?exp=\d+&sig=[\w-]+$/);
    expect(get(file.url)).toMatchObject({ status: 200, bytes: { contentType: "image/png", data: Buffer.from("png-bytes") } });
    advance(600_001);
    expect(get(file.url).status).toBe(403);
    expect(files.count()).toBe(0);
    timers.stop();
  });

  it.each([
    ["an unknown id", 404, (url: string) => url.replace(/files\/(.)/, (_, c: string) => `files/${c === "a" ? "b" : "a"}`)],
    ["a wrong extension", 404, (url: string) => url.replace(".jpeg", ".png")],
    ["a tampered signature", 403, (url: string) => url.replace(/sig=./, (s) => (s === "sig=A" ? "sig=B" : "sig=A"))],
    ["a tampered expiry", 403, (url: string) => url.replace(/exp=(\d+)/, (_, e: string) => `exp=${Number(e) + 60}`)],
    ["no signature", 403, (url: string) => url.split("?")[0]!],
  ])("answers %s with %i", (_, status, mangle) => {
    const { files, get, timers } = store();
    const file = files.put(Buffer.from("jpeg"), "jpeg", 600_000);
    expect(get(mangle(file.url)).status).toBe(status);
    timers.stop();
  });

  it("signs already-lapsed URLs for [sim:expire] without keeping the bytes", () => {
    const { files, get, timers } = store();
    const file = files.put(Buffer.from("webp"), "webp", 600_000, { expired: true });
    expect(get(file.url).status).toBe(403);
    expect(files.count()).toBe(0);
    timers.stop();
  });

  it("evicts the least recently used file past its bound", () => {
    const { files, get, timers } = store({ maxEntries: 2 });
    const a = files.put(Buffer.from("a"), "png", 600_000);
    const b = files.put(Buffer.from("b"), "png", 600_000);
    expect(get(a.url).status).toBe(200);
    files.put(Buffer.from("c"), "png", 600_000);
    expect(get(b.url).status).toBe(404);
    expect(get(a.url).status).toBe(200);
    expect(files.count()).toBe(2);
    timers.stop();
  });

  it("refuses methods other than GET and HEAD", () => {
    const { files, get, timers } = store();
    const file = files.put(Buffer.from("a"), "png", 600_000);
    expect(get(file.url, "HEAD").status).toBe(200);
    expect(get(file.url, "DELETE").status).toBe(405);
    timers.stop();
  });
});
