// Output sizes from a variant's resolution tier and an aspect ratio. Shared with the playground, so
// nothing here touches the server.

export type Size = { width: number; height: number };

type SizedVariant = { familySlug: string; resolutionTier: string | null };

/** The long side in pixels per tier; variants without a tier render at about one megapixel. */
const longSideByTier: Record<string, number> = { "1K": 1024, "2K": 2048, Ultra: 2752 };
const DEFAULT_LONG_SIDE = 1024;

/** GPT Image renders three fixed sizes only. */
const gptSquare: Size = { width: 1024, height: 1024 };
const gptImageSizes: Record<string, Size> = {
  "1:1": gptSquare,
  "3:2": { width: 1536, height: 1024 },
  "2:3": { width: 1024, height: 1536 },
};

const roundTo16 = (n: number) => Math.max(64, Math.round(n / 16) * 16);

function parseRatio(ratio: string): { w: number; h: number } | null {
  const match = /^(\d{1,2}):(\d{1,2})$/.exec(ratio);
  if (!match) return null;
  const w = Number(match[1]);
  const h = Number(match[2]);
  return w > 0 && h > 0 ? { w, h } : null;
}

/**
 * The pixel size a variant renders `aspectRatio` at (multiples of 16, the long side set by the
 * tier). `match_input_image` and unknown ratios give the tier's square: the upstream then keeps the
 * input's shape and the stored image records the real size.
 */
export function sizeFor(variant: SizedVariant, aspectRatio: string | undefined): Size {
  if (variant.familySlug === "gpt-image-1.5") return gptImageSizes[aspectRatio ?? "1:1"] ?? gptSquare;
  const long = longSideByTier[variant.resolutionTier ?? ""] ?? DEFAULT_LONG_SIDE;
  const ratio = aspectRatio ? parseRatio(aspectRatio) : null;
  if (!ratio) return { width: long, height: long };
  return ratio.w >= ratio.h
    ? { width: long, height: roundTo16((long * ratio.h) / ratio.w) }
    : { width: roundTo16((long * ratio.w) / ratio.h), height: long };
}

/**
 * The aspect ratio (one of `options`) with the shape of `size`, for clients that send pixel sizes
 * (the OpenAI images API): the tier sets the pixels, the size only the shape. Null when no option
 * has that shape or the size asks for more pixels than the tier renders: the caller lists `sizesFor`.
 */
export function aspectRatioForSize(variant: SizedVariant, options: readonly string[], size: Size): string | null {
  for (const option of options) {
    const ratio = parseRatio(option);
    // Rendered sizes are rounded to multiples of 16, so a listed size may be ~2 % off its ratio.
    if (!ratio || Math.abs(ratio.w / ratio.h / (size.width / size.height) - 1) > 0.02) continue;
    const rendered = sizeFor(variant, option);
    return size.width * size.height <= rendered.width * rendered.height * 1.05 ? option : null;
  }
  return null;
}

/** Every size a variant renders, as "WxH", for help text and errors. */
export function sizesFor(variant: SizedVariant, options: readonly string[]): string[] {
  return [
    ...new Set(options.filter((o) => parseRatio(o)).map((o) => sizeFor(variant, o)).map((s) => `${s.width}x${s.height}`)),
  ];
}

export function parseSize(text: string): Size | null {
  const match = /^(\d{2,5})x(\d{2,5})$/.exec(text.trim());
  return match ? { width: Number(match[1]), height: Number(match[2]) } : null;
}
