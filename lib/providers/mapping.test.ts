import { describe, expect, it } from "vitest";
import { contentTypeFor, openAiSize, percent, readInput, snap } from "./mapping";
import { UpstreamError } from "./types";

describe("openAiSize", () => {
  it.each([
    [1024, 1024, "1024x1024"],
    [1100, 1000, "1024x1024"],
    [1536, 1024, "1536x1024"],
    [1248, 832, "1536x1024"],
    [1360, 768, "1536x1024"],
    [832, 1248, "1024x1536"],
    [768, 1360, "1024x1536"],
  ])("%i x %i -> %s", (width, height, size) => {
    expect(openAiSize(width, height)).toBe(size);
  });
});

describe("percent", () => {
  it.each([
    [null, undefined],
    [undefined, undefined],
    [Number.NaN, undefined],
    [0, 0],
    [0.456, 46],
    [1, 100],
    [45, 45],
    [150, 100],
    [-3, 0],
  ])("%s -> %s", (progress, expected) => {
    expect(percent(progress)).toBe(expected);
  });
});

describe("snap", () => {
  it.each([
    [1000, 16, 64, 4096, 1008],
    [750, 16, 64, 4096, 752],
    [10, 16, 64, 4096, 64],
    [3000, 32, 256, 2048, 2048],
    [1040, 32, 256, 2048, 1056],
  ])("%i to %i in [%i, %i] -> %i", (value, step, min, max, expected) => {
    expect(snap(value, step, min, max)).toBe(expected);
  });
});

describe("contentTypeFor", () => {
  it.each([
    ["png", "image/png"],
    ["jpeg", "image/jpeg"],
    ["JPG", "image/jpeg"],
    ["webp", "image/webp"],
    [undefined, "image/png"],
  ])("%s -> %s", (format, type) => {
    expect(contentTypeFor(format)).toBe(type);
  });
});

describe("readInput", () => {
  const job = (input: Record<string, unknown>) => ({ upstreamModel: "m", task: "text_to_image" as const, input, width: 1, height: 1 });

  it("keeps catalog names and unknown extras", () => {
    expect(readInput(job({ prompt: "p", seed: 3, extra: "x" }))).toEqual({ prompt: "p", seed: 3, extra: "x" });
  });

  it.each([
    [{}, "job input prompt: "],
    [{ prompt: "p", seed: 1.5 }, "job input seed: "],
    [{ prompt: "p", image_urls: "https://x/a.png" }, "job input image_urls: "],
  ])("rejects %j", (input, message) => {
    let caught: unknown;
    try {
      readInput(job(input));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UpstreamError);
    expect((caught as UpstreamError).kind).toBe("rejected");
    expect((caught as UpstreamError).message.startsWith(message)).toBe(true);
  });
});
