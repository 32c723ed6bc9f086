import sharp from "sharp";
import { MAX_IMAGE_PIXELS } from "@/lib/media/image";

// The social preview of a shared run: the panes' images side by side on one 1200x630 PNG (the size
// Open Graph and Twitter cards expect). Everything is drawn here: no fonts or requests are fetched.

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
const PADDING = 24;
const GAP = 12;
const BACKGROUND = "#16151c";
const PANEL = { r: 0x22, g: 0x20, b: 0x2b, alpha: 1 };

/** The app icon (app/icon.svg) on the brand gradient, for a run with no images yet. */
const brandCard = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1f1a3d"/><stop offset="1" stop-color="#5b3fd6"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <g transform="translate(${PREVIEW_WIDTH / 2 - 120} ${PREVIEW_HEIGHT / 2 - 120}) scale(7.5)">
    <rect width="32" height="32" rx="8" fill="#5b3fd6" stroke="#ffffff" stroke-opacity="0.25" stroke-width="0.5"/>
    <path d="M9.5 25V15.5a6.5 6.5 0 0 1 13 0V25" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/>
    <path d="M16 12.2l1.1 2.7 2.7 1.1-2.7 1.1-1.1 2.7-1.1-2.7-2.7-1.1 2.7-1.1z" fill="#ffd86b"/>
  </g>
</svg>`);

async function fitted(bytes: Uint8Array, width: number, height: number): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, autoOrient: true })
    .resize(width, height, { fit: "contain", background: PANEL })
    .png()
    .toBuffer();
}

const innerHeight = PREVIEW_HEIGHT - 2 * PADDING;
const columnWidth = (count: number) => Math.floor((PREVIEW_WIDTH - 2 * PADDING - (count - 1) * GAP) / count);

/** Each image fitted to a column; one that does not decode is dropped and the rest refitted, so no hole is left. */
async function tilesFor(images: Uint8Array[]): Promise<Buffer[]> {
  if (images.length === 0) return [];
  const results = await Promise.allSettled(images.map((bytes) => fitted(bytes, columnWidth(images.length), innerHeight)));
  const tiles = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  return tiles.length === images.length ? tiles : tilesFor(images.filter((_, i) => results[i]!.status === "fulfilled"));
}

/**
 * One PNG of 1200x630 with each image fitted whole (letterboxed) into its own column, in order.
 * Images that do not decode are left out; with none left it is the plain branded card.
 */
export async function composePreview(images: Uint8Array[]): Promise<Uint8Array> {
  const tiles = await tilesFor(images);
  const canvas =
    tiles.length === 0
      ? sharp(brandCard)
      : sharp({ create: { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, channels: 4, background: BACKGROUND } }).composite(
          tiles.map((input, i) => ({ input, left: PADDING + i * (columnWidth(tiles.length) + GAP), top: PADDING })),
        );
  const output = await canvas.png().toBuffer();
  return new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
}
