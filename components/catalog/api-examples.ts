import { sizesFor } from "@/lib/catalog/size";
import { samplePrompt, sampleImageUrl, sampleInput, type SampleVariant } from "./sample-input";

export type ApiExamples = { curl: string; python: string; javascript: string };

/** Replaced by the visitor with one of their keys; a test key runs the samples free. */
export const KEY_PLACEHOLDER = "lg_live_...";

/**
 * Every "WxH" the OpenAI images routes accept for this variant, the default shape first. Checked
 * with the routes' own aspectRatioForSize, because rounding to multiples of 16 moves some rendered
 * sizes (3:2 at 1K is 1024x688) too far from their ratio for it to recognise them.
 */
export function sdkSizes(variant: SampleVariant): string[] {
  const ratio = variant.parameters.find((p) => p.name === "aspect_ratio");
  if (ratio?.type !== "enum") return [];
  const sized = { familySlug: variant.family.slug, resolutionTier: variant.resolutionTier };
  const preferred = ratio.default === undefined ? [] : sizesFor(sized, [ratio.default]);
  return [...new Set([...preferred, ...sizesFor(sized, ratio.options)])];
}

function curlExample(variant: SampleVariant, base: string): string {
  const body = JSON.stringify({ model: variant.slug, input: sampleInput(variant, base) }, null, 2).replaceAll("\n", "\n  ");
  const auth = `-H "Authorization: Bearer ${KEY_PLACEHOLDER}"`;
  // sed rather than jq, which many machines lack; an empty TASK_ID (createTask refused) skips the poll.
  return `RESPONSE=$(curl -sS -X POST ${base}/api/v1/jobs/createTask \\
  ${auth} \\
  -H "Content-Type: application/json" \\
  -d '${body}')
echo "$RESPONSE"
TASK_ID=$(echo "$RESPONSE" | sed -nE 's/.*"taskId":"([^"]+)".*/\\1/p')

# Poll every 3 s until the state is "success" (resultJson lists the image URLs) or "fail".
[ -n "$TASK_ID" ] && until curl -sS "${base}/api/v1/jobs/recordInfo?taskId=$TASK_ID" \\
  ${auth} | grep -E '"state":"(success|fail)"|"code":[45]'; do
  sleep 3
done`;
}

function pythonExample(variant: SampleVariant, base: string, size: string | undefined): string {
  const client = `from openai import OpenAI

client = OpenAI(base_url="${base}/v1", api_key="${KEY_PLACEHOLDER}")
`;
  const prompt = samplePrompt(variant.task);
  if (variant.task === "text_to_image") {
    return `${client}
result = client.images.generate(
    model="${variant.slug}",
    prompt="${prompt}",${size ? `\n    size="${size}",` : ""}
)
print(result.data[0].url)`;
  }
  return `# Download the sample image first: curl -O ${sampleImageUrl(base)}
${client}
result = client.images.edit(
    model="${variant.slug}",
    image=open("input.jpg", "rb"),
    prompt="${prompt}",
)
print(result.data[0].url)`;
}

function javascriptExample(variant: SampleVariant, base: string, size: string | undefined): string {
  const client = `const client = new OpenAI({ baseURL: "${base}/v1", apiKey: "${KEY_PLACEHOLDER}" });`;
  const prompt = samplePrompt(variant.task);
  if (variant.task === "text_to_image") {
    return `import OpenAI from "openai";

${client}

const result = await client.images.generate({
  model: "${variant.slug}",
  prompt: "${prompt}",${size ? `\n  size: "${size}",` : ""}
});
console.log(result.data[0].url);`;
  }
  return `// Download the sample image first: curl -O ${sampleImageUrl(base)}
import fs from "node:fs";
import OpenAI from "openai";

${client}

const result = await client.images.edit({
  model: "${variant.slug}",
  image: fs.createReadStream("input.jpg"),
  prompt: "${prompt}",
});
console.log(result.data[0].url);`;
}

/**
 * The snippets shown under "Use via API", each runnable as shown once the key is filled in:
 * the task API in bash, and the official OpenAI SDKs (generate for text to image, edit with the
 * sample picture otherwise). `baseUrl` is the instance as the visitor reaches it.
 */
export function buildApiExamples(variant: SampleVariant, baseUrl: string): ApiExamples {
  const base = baseUrl.replace(/\/+$/, "");
  const size = sdkSizes(variant)[0];
  return {
    curl: curlExample(variant, base),
    python: pythonExample(variant, base, size),
    javascript: javascriptExample(variant, base, size),
  };
}
