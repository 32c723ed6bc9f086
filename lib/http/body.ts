import { AppError } from "@/lib/errors";

/** Reads at most `limit` bytes of a request body; a longer one is refused before it is buffered whole. */
export async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new AppError("payload_too_large", `The request body is larger than the ${formatBytes(limit)} this endpoint accepts.`);
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new AppError("bad_request", "The request body could not be read.");
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** JSON from raw bytes. Postgres cannot store NUL in text or jsonb, so it is refused here as bad input. */
export function parseJsonBody(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) return undefined;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8.");
  }
  if (text.includes("\u0000") || text.includes("\\u0000")) {
    throw new AppError("bad_request", "The request body contains a NUL character, which no field accepts.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON. Send a JSON object with `Content-Type: application/json`.");
  }
}

/** A multipart or urlencoded form as a plain object: repeated names (and `image[]`) become arrays. */
export async function parseFormBody(bytes: Uint8Array, contentType: string): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad_request", "The request body is not a valid multipart/form-data or urlencoded form.");
  }
  const out: Record<string, unknown> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name);
    if (values.some((v) => typeof v === "string" && v.includes("\u0000"))) {
      throw new AppError("bad_request", `The form field ${name} contains a NUL character.`);
    }
    const key = name.endsWith("[]") ? name.slice(0, -2) : name;
    out[key] = name.endsWith("[]") || values.length > 1 ? values : values[0];
  }
  return out;
}
