import sharp from "sharp";

export type FetchedImage = { status: number; contentType: string | null; bytes: Buffer; format?: string; width?: number; height?: number };

/** Downloads a result URL and, when it is an image, reads its real format and size. */
export async function fetchImage(url: string): Promise<FetchedImage> {
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  const fetched = { status: response.status, contentType: response.headers.get("content-type"), bytes };
  if (response.status !== 200) return fetched;
  const meta = await sharp(bytes).metadata();
  return { ...fetched, format: meta.format, width: meta.width, height: meta.height };
}
