import type { ModelTask, VariantView } from "@/lib/catalog/types";

export type ApiExamples = { curl: string; python: string; javascript: string };

const KEY_PLACEHOLDER = "lg_live_...";

const examplePrompts: Record<ModelTask, string> = {
  text_to_image: "a lighthouse on a basalt cliff at dusk, soft fog, long exposure",
  image_to_image: "the same scene as a watercolor painting",
  edit: "replace the sky with a clear night full of stars",
};

/** The snippets shown under "Use via API"; `baseUrl` is the instance's public URL. */
export function buildApiExamples(
  variant: Pick<VariantView, "slug" | "task" | "parameters">,
  baseUrl: string,
): ApiExamples {
  const base = baseUrl.replace(/\/+$/, "");
  const prompt = examplePrompts[variant.task];
  const input: Record<string, unknown> = { prompt };
  const imageParam = variant.parameters.find((p) => p.type === "image_urls");
  if (imageParam && (imageParam.required || variant.task !== "text_to_image")) {
    input[imageParam.name] = ["https://example.com/input.png"];
  }
  const body = JSON.stringify({ model: variant.slug, input }, null, 2).replaceAll("\n", "\n  ");

  const curl = `curl -X POST ${base}/api/v1/jobs/createTask \\
  -H "Authorization: Bearer ${KEY_PLACEHOLDER}" \\
  -H "Content-Type: application/json" \\
  -d '${body}'

# The reply carries data.taskId. Poll it until data.state is "success" or "fail":
curl "${base}/api/v1/jobs/recordInfo?taskId=task_..." \\
  -H "Authorization: Bearer ${KEY_PLACEHOLDER}"`;

  const python = `from openai import OpenAI

client = OpenAI(base_url="${base}/v1", api_key="${KEY_PLACEHOLDER}")

result = client.images.generate(
    model="${variant.slug}",
    prompt="${prompt}",
    size="1024x1024",
)
print(result.data[0].url)`;

  const javascript = `import OpenAI from "openai";

const client = new OpenAI({ baseURL: "${base}/v1", apiKey: "${KEY_PLACEHOLDER}" });

const result = await client.images.generate({
  model: "${variant.slug}",
  prompt: "${prompt}",
  size: "1024x1024",
});
console.log(result.data[0].url);`;

  return { curl, python, javascript };
}
