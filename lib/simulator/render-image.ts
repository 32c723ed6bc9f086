import { createHash } from "node:crypto";
import sharp from "sharp";

export type ImageFormat = "png" | "jpeg" | "webp";

export const contentTypes: Record<ImageFormat, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

export type RenderSpec = {
  /** Already stripped of directives. */
  prompt: string;
  seed: number;
  model: string;
  width: number;
  height: number;
  format: ImageFormat;
};

const maxPromptLines = 12;

/** An endless byte stream from the spec's hash, so every shape and colour follows from the inputs. */
function byteSource(spec: RenderSpec): () => number {
  const seedHash = createHash("sha256")
    .update(JSON.stringify([spec.prompt, spec.seed, spec.model, spec.width, spec.height, spec.format]))
    .digest();
  let block = seedHash;
  let counter = 0;
  let offset = 0;
  return () => {
    if (offset === block.length) {
      block = createHash("sha256").update(seedHash).update(String(++counter)).digest();
      offset = 0;
    }
    return block[offset++]!;
  };
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

// Characters XML 1.0 forbids would make librsvg reject the whole SVG.
function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "").replace(/\s+/g, " ");
}

export function wrapText(text: string, lineChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(" ").filter(Boolean)) {
    while (word.length > lineChars) {
      if (line) lines.push(line);
      line = "";
      lines.push(word.slice(0, lineChars));
      word = word.slice(lineChars);
    }
    if (!word) continue;
    if (!line) line = word;
    else if (line.length + 1 + word.length <= lineChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, Math.max(0, lineChars - 1))}…`;
  return kept;
}

function svgFor(spec: RenderSpec): { svg: string; background: string } {
  const next = byteSource(spec);
  const { width, height } = spec;
  const hue = (next() * 256 + next()) % 360;
  const background = `hsl(${hue}, 45%, 28%)`;
  const shapes: string[] = [];
  const count = 10 + (next() % 14);
  for (let i = 0; i < count; i++) {
    const x = Math.round((next() / 255) * width);
    const y = Math.round((next() / 255) * height);
    const size = Math.round(((16 + next()) / 271) * Math.max(width, height) * 0.35);
    const fill = `hsl(${(hue + 60 + (next() % 180)) % 360}, 65%, ${40 + (next() % 30)}%)`;
    const opacity = (0.15 + (next() % 40) / 100).toFixed(2);
    const paint = `fill="${fill}" fill-opacity="${opacity}"`;
    shapes.push(
      next() % 2 === 0
        ? `<circle cx="${x}" cy="${y}" r="${size}" ${paint}/>`
        : `<rect x="${x - size}" y="${y - size / 2}" width="${size * 2}" height="${size}" ${paint} transform="rotate(${next() % 180} ${x} ${y})"/>`,
    );
  }

  const side = Math.min(width, height);
  const titleSize = Math.max(6, Math.min(64, Math.round(side / 14)));
  const bodySize = Math.max(5, Math.min(40, Math.round(side / 22)));
  const margin = Math.round(width * 0.06);
  const lineChars = Math.max(4, Math.floor((width - 2 * margin) / (bodySize * 0.6)));
  const roomLines = Math.floor((height * 0.8 - titleSize * 2.6 - bodySize * 2) / (bodySize * 1.3));
  const promptLines = wrapText(xmlSafe(spec.prompt), lineChars, Math.max(1, Math.min(maxPromptLines, roomLines)));
  const lines = [
    // The model only shapes the pixels (it is in the hash), never the text: a blind playground
    // comparison must not name its variants in their images.
    { text: "Simulated image", size: titleSize, weight: "bold" },
    ...promptLines.map((text) => ({ text, size: bodySize, weight: "normal" })),
    { text: `seed ${spec.seed} · ${width}×${height} ${spec.format}`, size: bodySize, weight: "normal" },
  ];
  const blockHeight = lines.reduce((sum, l) => sum + l.size * 1.3, 0);
  let y = Math.max(0, (height - blockHeight) / 2);
  const texts = lines.map((line) => {
    y += line.size * 1.3;
    const baseline = Math.round(y - line.size * 0.3);
    return `<text x="${margin}" y="${baseline}" font-size="${line.size}" font-weight="${line.weight}">${escapeXml(xmlSafe(line.text))}</text>`;
  });
  const panelTop = Math.round((height - blockHeight) / 2 - bodySize);
  const panel = `<rect x="${margin / 2}" y="${panelTop}" width="${width - margin}" height="${Math.round(blockHeight + bodySize * 1.5)}" fill="#000" fill-opacity="0.45" rx="${bodySize}"/>`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    shapes.join("") +
    panel +
    `<g font-family="DejaVu Sans, Arial, sans-serif" fill="#fff">${texts.join("")}</g></svg>`;
  return { svg, background };
}

/** The same spec always gives the same bytes (sharp's encoders are deterministic for fixed options). */
export async function renderImage(spec: RenderSpec): Promise<Buffer> {
  const { svg, background } = svgFor(spec);
  const image = sharp({ create: { width: spec.width, height: spec.height, channels: 3, background } }).composite([
    { input: Buffer.from(svg), top: 0, left: 0 },
  ]);
  if (spec.format === "png") return image.png({ compressionLevel: 6 }).toBuffer();
  if (spec.format === "jpeg") return image.jpeg({ quality: 85 }).toBuffer();
  return image.webp({ quality: 80 }).toBuffer();
}
