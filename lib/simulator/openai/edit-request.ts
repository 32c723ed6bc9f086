import sharp from "sharp";
import type { Size } from "../sizes";
import { openAiError, type OpenAiErrorBody } from "./schemas";

// POST /v1/images/edits: the SDKs send multipart (`image` or `image[]` files, every other field a
// string); the newer JSON form names images by URL or file id instead.

export type EditRequest = {
  fields: Record<string, unknown>;
  imageCount: number;
  /** The first uploaded image's size, which `size: "auto"` follows. */
  firstImage: Size | null;
};

const numericFields = new Set(["n", "output_compression", "partial_images"]);

function coerce(key: string, value: string): unknown {
  if (numericFields.has(key) && /^-?\d+$/.test(value)) return Number(value);
  if (key === "stream" && (value === "true" || value === "false")) return value === "true";
  return value;
}

async function fromMultipart(contentType: string, raw: Buffer): Promise<EditRequest | OpenAiErrorBody> {
  let form: FormData;
  try {
    const request = new Request("http://simulator.invalid/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: new Uint8Array(raw),
    });
    form = await request.formData();
  } catch {
    return openAiError("Could not parse the multipart form body.", null, "invalid_multipart");
  }
  const fields: Record<string, unknown> = {};
  const images: Blob[] = [];
  for (const [key, value] of form.entries()) {
    if (key === "image" || key === "image[]" || key === "mask") {
      if (typeof value === "string") {
        return openAiError(`Invalid type for '${key}': expected a file, but got a string instead.`, key, "invalid_type");
      }
      if (key !== "mask") images.push(value);
    } else {
      fields[key] = typeof value === "string" ? coerce(key, value) : value;
    }
  }
  if (images.length === 0) return openAiError("Missing required parameter: 'image'.", "image", "missing_required_parameter");
  try {
    const metadata = await sharp(Buffer.from(await images[0]!.arrayBuffer())).metadata();
    return { fields, imageCount: images.length, firstImage: { width: metadata.width, height: metadata.height } };
  } catch {
    return openAiError("Invalid image file or mode for image 1, please check your image file.", "image", "invalid_image_file");
  }
}

export async function readEditRequest(contentType: string, raw: Buffer): Promise<EditRequest | OpenAiErrorBody> {
  if (/^multipart\/form-data/i.test(contentType)) return fromMultipart(contentType, raw);
  let fields: unknown;
  try {
    fields = JSON.parse(raw.toString("utf8"));
  } catch {
    return openAiError("We could not parse the JSON body of your request.", null, null);
  }
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
    return openAiError("The request body must be a JSON object.", null, null);
  }
  const images = (fields as { images?: unknown }).images;
  const imageCount = Array.isArray(images) ? images.length : 0;
  if (imageCount === 0) return openAiError("Missing required parameter: 'images'.", "images", "missing_required_parameter");
  return { fields: fields as Record<string, unknown>, imageCount, firstImage: null };
}

export function isErrorBody(value: EditRequest | OpenAiErrorBody): value is OpenAiErrorBody {
  return "error" in value;
}
