export type Size = { width: number; height: number };

/** "16:9" -> 1.777...; null unless both sides are positive numbers. */
export function parseRatio(ratio: string): number | null {
  const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(ratio);
  if (!match) return null;
  const [w, h] = [Number(match[1]), Number(match[2])];
  return w > 0 && h > 0 ? w / h : null;
}

/** The size of about `megapixels` (of 1024 x 1024) at that ratio, each side a multiple of `multiple`. */
export function sizeForRatio(ratio: number, megapixels: number, multiple: number): Size {
  const area = megapixels * 1024 * 1024;
  const round = (value: number) => Math.max(multiple, Math.round(value / multiple) * multiple);
  const width = Math.sqrt(area * ratio);
  return { width: round(width), height: round(width / ratio) };
}
