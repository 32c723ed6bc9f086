import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { inspectImage, MAX_IMAGE_PIXELS, thumbnail, UnsupportedImageError } from "./image";

function canvas(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } });
}

// A real PNG header claiming other dimensions: sharp reads sizes from IHDR alone, so a huge image
// can be described without being encoded.
function pngClaiming(source: Buffer, width: number, height: number): Uint8Array {
  const png = Buffer.from(source);
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe("inspectImage", () => {
  it.each([
    ["image/png", () => canvas(640, 480).png()],
    ["image/jpeg", () => canvas(300, 1200).jpeg()],
    ["image/webp", () => canvas(1024, 576).webp()],
  ] as const)("reads a %s made by sharp", async (contentType, make) => {
    const bytes = await make().toBuffer();
    const { width, height } = await sharp(bytes).metadata();
    expect(await inspectImage(bytes)).toEqual({ width, height, contentType, bytes: bytes.byteLength });
  });

  it("reports the displayed size of an EXIF-rotated JPEG", async () => {
    const bytes = await canvas(400, 100).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await inspectImage(bytes)).toMatchObject({ width: 100, height: 400 });
  });

  it.each([
    ["a GIF", () => canvas(10, 10).gif().toBuffer()],
    ["a TIFF", () => canvas(10, 10).tiff().toBuffer()],
    ["an AVIF", () => canvas(16, 16).avif().toBuffer()],
    ["an SVG", async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')],
    ["JSON", async () => Buffer.from('{"error":"not found"}')],
    ["HTML", async () => Buffer.from("<!doctype html><title>404</title>")],
    ["nothing", async () => Buffer.alloc(0)],
    ["a PNG signature with garbage behind it", async () => Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(64, 1)])],
    ["a RIFF file that is not WebP", async () => Buffer.from("RIFF\u0024\u0000\u0000\u0000WAVEfmt ")],
  ])("refuses %s", async (_name, make) => {
    const failure = await inspectImage(await make()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnsupportedImageError);
    expect(failure).toMatchObject({ reason: "format" });
  });

  it("refuses images over 64 MP and accepts one at the limit", async () => {
    const small = await canvas(1, 1).png().toBuffer();
    expect(await inspectImage(pngClaiming(small, 8000, 8000))).toMatchObject({ width: 8000, height: 8000 });
    const failure = await inspectImage(pngClaiming(small, 8001, 8000)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnsupportedImageError);
    expect(failure).toMatchObject({ reason: "too_large" });
    expect(8000 * 8000).toBe(MAX_IMAGE_PIXELS);
  });
});

describe("thumbnail", () => {
  it.each([
    ["a landscape PNG", () => canvas(1024, 768).png(), 256, 192],
    ["a portrait JPEG", () => canvas(600, 1200).jpeg(), 128, 256],
    ["a square WebP", () => canvas(2048, 2048).webp(), 256, 256],
    ["a small image, not enlarged", () => canvas(100, 50).png(), 100, 50],
    ["an EXIF-rotated JPEG, upright", () => canvas(800, 200).jpeg().withMetadata({ orientation: 6 }), 64, 256],
  ])("shrinks %s to fit 256 px as WebP", async (_name, make, width, height) => {
    const thumb = await thumbnail(await make().toBuffer());
    expect(thumb).toBeInstanceOf(Uint8Array);
    const metadata = await sharp(thumb).metadata();
    expect(metadata).toMatchObject({ format: "webp", width, height });
    expect(metadata.orientation).toBeUndefined();
  });

  it("is much smaller than its source", async () => {
    const source = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
      .png()
      .toBuffer();
    const thumb = await thumbnail(source);
    expect(thumb.byteLength).toBeLessThan(source.byteLength / 20);
  });
});
