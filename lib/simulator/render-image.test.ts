import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { escapeXml, renderImage, wrapText, type RenderSpec } from "./render-image";

const spec: RenderSpec = { prompt: "a lighthouse at dawn", seed: 7, model: "flux-2-pro", width: 320, height: 240, format: "png" };

describe("renderImage", () => {
  it.each([
    ["png", 320, 240],
    ["jpeg", 64, 64],
    ["webp", 208, 512],
  ] as const)("renders %s at exactly %ix%i", async (format, width, height) => {
    const meta = await sharp(await renderImage({ ...spec, format, width, height })).metadata();
    expect(meta).toMatchObject({ format, width, height });
  });

  it("gives identical bytes for identical inputs and different bytes when any input changes", async () => {
    const first = await renderImage(spec);
    expect((await renderImage({ ...spec })).equals(first)).toBe(true);
    for (const change of [{ seed: 8 }, { prompt: "a lighthouse at dusk" }, { model: "flux-2-max" }]) {
      expect((await renderImage({ ...spec, ...change })).equals(first)).toBe(false);
    }
  });

  it("draws prompts full of markup and control characters without breaking the SVG", async () => {
    const prompt = `</text><script>alert(1)</script> & "quotes" 'apos' \u0000\u0007 ${"long ".repeat(400)}`;
    const meta = await sharp(await renderImage({ ...spec, prompt })).metadata();
    expect(meta).toMatchObject({ width: 320, height: 240 });
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
  });
});

describe("wrapText", () => {
  it.each([
    ["short", 10, 3, ["short"]],
    ["the quick brown fox", 9, 5, ["the quick", "brown fox"]],
    ["abcdefghijkl mn", 5, 5, ["abcde", "fghij", "kl mn"]],
    ["one two three four five six", 7, 2, ["one two", "three…"]],
  ])("%j at %i chars, %i lines", (text, chars, lines, expected) => {
    expect(wrapText(text, chars, lines)).toEqual(expected);
  });
});
