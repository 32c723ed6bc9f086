import { describe, expect, it } from "vitest";
import type { ParamDescriptor } from "@/lib/catalog/params";
import { buildApiExamples } from "./api-examples";

const prompt: ParamDescriptor = { name: "prompt", label: "Prompt", description: "What to draw.", type: "string", required: true, maxLength: 5000 };
const images: ParamDescriptor = {
  name: "input_urls",
  label: "Input images",
  description: "Images to start from.",
  type: "image_urls",
  required: true,
  minItems: 1,
  maxItems: 8,
};

function curlBody(curl: string): unknown {
  const body = /-d '([\s\S]*?)'/.exec(curl)?.[1];
  if (!body) throw new Error("no -d body in the curl example");
  return JSON.parse(body);
}

describe("buildApiExamples", () => {
  it("posts a parseable task body with the canonical slug to the instance's createTask", () => {
    const { curl } = buildApiExamples(
      { slug: "flux-2-flex-text-to-image-2k", task: "text_to_image", parameters: [prompt] },
      "http://localhost:3000/",
    );
    expect(curl).toContain("curl -X POST http://localhost:3000/api/v1/jobs/createTask \\");
    expect(curl).toContain('-H "Authorization: Bearer lg_live_..."');
    expect(curl).toContain('"http://localhost:3000/api/v1/jobs/recordInfo?taskId=task_..."');
    expect(curlBody(curl)).toEqual({
      model: "flux-2-flex-text-to-image-2k",
      input: { prompt: expect.any(String) },
    });
  });

  it("adds the input image list for image-to-image variants", () => {
    const { curl } = buildApiExamples(
      { slug: "flux-2-pro-image-to-image-1k", task: "image_to_image", parameters: [prompt, images] },
      "https://gw.example.com",
    );
    expect(curlBody(curl)).toEqual({
      model: "flux-2-pro-image-to-image-1k",
      input: { prompt: expect.any(String), input_urls: ["https://example.com/input.png"] },
    });
  });

  it("points both OpenAI SDKs at <base>/v1 with the slug as the model", () => {
    const { python, javascript } = buildApiExamples(
      { slug: "qwen-image-text-to-image", task: "text_to_image", parameters: [prompt] },
      "https://gw.example.com",
    );
    expect(python).toContain('OpenAI(base_url="https://gw.example.com/v1", api_key="lg_live_...")');
    expect(python).toContain('model="qwen-image-text-to-image"');
    expect(python).toContain('size="1024x1024"');
    expect(javascript).toContain('new OpenAI({ baseURL: "https://gw.example.com/v1", apiKey: "lg_live_..." })');
    expect(javascript).toContain('model: "qwen-image-text-to-image"');
  });
});
