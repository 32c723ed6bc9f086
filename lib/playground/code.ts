import type { PaneView } from "./contract";

// "Copy as code" for a playground pane: the same request as curl (task API), the `openai` SDK and
// the task API from JavaScript. Browser-safe and pure.

export type PaneSnippets = { curl: string; openai: string; taskApi: string };

export const IMAGE_PLACEHOLDER = "https://example.com/your-image.png";
const KEY_ENV = "LUMIGATE_API_KEY";

/** What the OpenAI images routes read (lib/tasks/openai-images.ts and app/api/v1/images/*). */
const openAiGenerateFields = new Set(["prompt", "seed", "output_format", "background"]);
const openAiEditFields = new Set(["prompt", "output_format", "background"]);
/** Edit variants default to the first input's shape; leaving `size` out keeps that. */
const MATCH_INPUT = "match_input_image";

type SnippetPane = Pick<PaneView, "variant" | "input" | "width" | "height">;

/** Single-quoted for POSIX shells: nothing inside is special except the quote itself. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The pane's input with inline (data URL) images swapped for a placeholder, and whether any were. */
function shareableInput(input: Record<string, unknown>): { input: Record<string, unknown>; replaced: boolean } {
  const urls = input.image_urls;
  if (!Array.isArray(urls) || !urls.some((u) => typeof u === "string" && u.startsWith("data:"))) return { input, replaced: false };
  const swapped = urls.map((u) => (typeof u === "string" && u.startsWith("data:") ? IMAGE_PLACEHOLDER : u));
  return { input: { ...input, image_urls: swapped }, replaced: true };
}

const placeholderNote = (comment: string) =>
  `${comment} The playground sent your uploaded image inline (a data URL of megabytes): replace ${IMAGE_PLACEHOLDER} with a public URL of it.\n`;

function parseRatio(ratio: string): number | null {
  const match = /^(\d{1,2}):(\d{1,2})$/.exec(ratio);
  return match && Number(match[2]) > 0 ? Number(match[1]) / Number(match[2]) : null;
}

/**
 * The OpenAI `size` for the pane's aspect ratio: the pane's size is its task's, which insertTask sets
 * with sizeFor(variant, aspect_ratio), so the route's aspectRatioForSize maps it back to the same
 * ratio. Checked anyway (same shape within 2 %, as the route does) so a size that would not map is left out.
 */
function openAiSize(pane: SnippetPane, aspectRatio: unknown): { size?: string; carried: boolean } {
  if (aspectRatio === undefined || aspectRatio === MATCH_INPUT) return { carried: true };
  const ratio = typeof aspectRatio === "string" ? parseRatio(aspectRatio) : null;
  if (!ratio || pane.width <= 0 || pane.height <= 0 || Math.abs(ratio / (pane.width / pane.height) - 1) > 0.02) return { carried: false };
  return { size: `${pane.width}x${pane.height}`, carried: true };
}

/** An object literal from [key, JavaScript source of the value] pairs. */
function jsObject(entries: [string, string][]): string {
  const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
  return `{\n${entries.map(([k, v]) => `  ${key(k)}: ${v},`).join("\n")}\n}`;
}

function curlSnippet(base: string, body: string, replaced: boolean): string {
  const auth = `-H "Authorization: Bearer $${KEY_ENV}"`;
  return `${replaced ? placeholderNote("#") : ""}RESPONSE=$(curl -sS -X POST ${shellQuote(`${base}/api/v1/jobs/createTask`)} \\
  ${auth} \\
  -H "Content-Type: application/json" \\
  -d ${shellQuote(body)})
echo "$RESPONSE"
TASK_ID=$(echo "$RESPONSE" | sed -nE 's/.*"taskId":"([^"]+)".*/\\1/p')

# Poll every 3 s until the state is "success" (resultJson lists the image URLs) or "fail".
[ -n "$TASK_ID" ] && until curl -sS ${shellQuote(`${base}/api/v1/jobs/recordInfo?taskId=`)}"$TASK_ID" \\
  ${auth} | grep -E '"state":"(success|fail)"|"code":[45]'; do
  sleep 3
done`;
}

function taskApiSnippet(base: string, model: string, input: Record<string, unknown>, replaced: boolean): string {
  const inputLiteral = JSON.stringify(input, null, 2).replaceAll("\n", "\n    ");
  return `${replaced ? placeholderNote("//") : ""}const api = ${JSON.stringify(`${base}/api/v1/jobs`)};
const headers = { Authorization: \`Bearer \${process.env.${KEY_ENV}}\`, "Content-Type": "application/json" };

const created = await fetch(\`\${api}/createTask\`, {
  method: "POST",
  headers,
  body: JSON.stringify({
    model: ${JSON.stringify(model)},
    input: ${inputLiteral},
  }),
}).then((res) => res.json());
if (created.code !== 200) throw new Error(created.msg);

// Poll every 3 s until the task succeeds (resultJson lists the image URLs) or fails.
for (;;) {
  const info = await fetch(\`\${api}/recordInfo?taskId=\${created.data.taskId}\`, { headers }).then((res) => res.json());
  if (info.code !== 200) throw new Error(info.msg);
  if (info.data.state === "success") {
    console.log(JSON.parse(info.data.resultJson).resultUrls);
    break;
  }
  if (info.data.state === "fail") throw new Error(info.data.failMsg);
  await new Promise((resolve) => setTimeout(resolve, 3000));
}`;
}

function openAiSnippet(base: string, model: string, pane: SnippetPane, input: Record<string, unknown>, replaced: boolean): string {
  const images = Array.isArray(input.image_urls) ? input.image_urls.filter((u): u is string => typeof u === "string") : [];
  const isEdit = images.length > 0;
  const fields = isEdit ? openAiEditFields : openAiGenerateFields;
  const { size, carried } = openAiSize(pane, input.aspect_ratio);
  const entries: [string, string][] = [["model", JSON.stringify(model)]];
  if (isEdit) entries.push(["image", "images"]);
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    if (name === "image_urls" || name === "aspect_ratio") continue;
    if (fields.has(name)) entries.push([name, JSON.stringify(value)]);
    else dropped.push(name);
  }
  if (size) entries.push(["size", JSON.stringify(size)]);
  if (!carried) dropped.push(`aspect_ratio ${String(input.aspect_ratio)}`);

  const lines = [`import OpenAI${isEdit ? ", { toFile }" : ""} from "openai";`, ""];
  lines.push(`const client = new OpenAI({ baseURL: ${JSON.stringify(`${base}/v1`)}, apiKey: process.env.${KEY_ENV} });`, "");
  if (dropped.length > 0) {
    lines.push(`// The OpenAI images API cannot carry ${dropped.join(", ")}: the Task API sends this pane's exact input.`);
  }
  if (replaced) lines.push(placeholderNote("//").trimEnd());
  if (isEdit) {
    lines.push(
      `const images = await Promise.all(`,
      `  ${JSON.stringify(images)}.map(async (url, i) => toFile(await fetch(url), \`image-\${i + 1}.png\`)),`,
      `);`,
    );
  }
  lines.push(`const result = await client.images.${isEdit ? "edit" : "generate"}(${jsObject(entries)});`, "console.log(result.data[0].url);");
  return lines.join("\n");
}

/** The pane's request three ways; null while blind, since the input would tell the variant. */
export function paneSnippets(pane: SnippetPane, baseUrl: string): PaneSnippets | null {
  if (!pane.variant || !pane.input) return null;
  const base = baseUrl.replace(/\/+$/, "");
  const model = pane.variant.slug;
  const { input, replaced } = shareableInput(pane.input);
  return {
    curl: curlSnippet(base, JSON.stringify({ model, input }, null, 2), replaced),
    openai: openAiSnippet(base, model, pane, input, replaced),
    taskApi: taskApiSnippet(base, model, input, replaced),
  };
}
