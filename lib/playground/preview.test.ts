import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { composePreview, PREVIEW_HEIGHT, PREVIEW_WIDTH } from "./preview";

async function solid(width: number, height: number, rgb: [number, number, number], format: "png" | "jpeg" | "webp"): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } });
  return new Uint8Array(await image.toFormat(format).toBuffer());
}

/** The colour at (x, y) of a PNG. */
async function pixel(png: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

const red: [number, number, number] = [220, 30, 30];
const green: [number, number, number] = [30, 200, 60];
const blue: [number, number, number] = [30, 60, 220];
const yellow: [number, number, number] = [230, 210, 40];

const inputs = [
  () => solid(1024, 1024, red, "png"),
  () => solid(2048, 1152, green, "jpeg"),
  () => solid(768, 1344, blue, "webp"),
  () => solid(300, 200, yellow, "png"),
];

const near = (actual: number[], expected: number[]) => actual.every((c, i) => Math.abs(c - expected[i]!) <= 12);

describe("composePreview", () => {
  it.each([1, 2, 3, 4])("%i image(s) of different sizes make one 1200x630 PNG, in order, left to right", async (count) => {
    const images = await Promise.all(inputs.slice(0, count).map((make) => make()));
    const png = await composePreview(images);

    const meta = await sharp(png).metadata();
    expect(meta.format).toBe("png");
    expect([meta.width, meta.height]).toEqual([PREVIEW_WIDTH, PREVIEW_HEIGHT]);
    // The centre of each column shows that image's colour.
    const colours = [red, green, blue, yellow].slice(0, count);
    for (const [i, colour] of colours.entries()) {
      const x = Math.round(((i + 0.5) * PREVIEW_WIDTH) / count);
      expect(near(await pixel(png, x, PREVIEW_HEIGHT / 2), colour), `column ${i}`).toBe(true);
    }
  });

  it("with no images is the branded card, still 1200x630", async () => {
    const png = await composePreview([]);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", PREVIEW_WIDTH, PREVIEW_HEIGHT]);
    // The brand gradient starts at #1f1a3d in the top-left corner; the icon sits in the middle (#5b3fd6).
    expect(near(await pixel(png, 4, 4), [0x1f, 0x1a, 0x3d])).toBe(true);
    expect(near(await pixel(png, 540, 300), [0x5b, 0x3f, 0xd6])).toBe(true);
  });

  it("leaves out an image that does not decode and fills the row with the rest", async () => {
    const png = await composePreview([await solid(512, 512, red, "png"), new TextEncoder().encode("not an image"), await solid(512, 512, blue, "png")]);
    expect(near(await pixel(png, 300, 315), red)).toBe(true);
    expect(near(await pixel(png, 900, 315), blue)).toBe(true);
  });
});
