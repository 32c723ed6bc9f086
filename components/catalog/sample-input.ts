import type { ParamDescriptor } from "@/lib/catalog/params";
import type { ModelTask, VariantView } from "@/lib/catalog/types";

export type SampleVariant = Pick<VariantView, "slug" | "task" | "parameters" | "resolutionTier"> & {
  family: Pick<VariantView["family"], "slug">;
};

/** Single quotes would end the shell string the curl sample wraps the JSON body in. */
const samplePrompts: Record<ModelTask, string> = {
  text_to_image: "a lighthouse on a basalt cliff at dusk, soft fog, long exposure",
  image_to_image: "the same scene as a watercolor painting",
  edit: "replace the sky with a clear night full of stars",
};

export function samplePrompt(task: ModelTask): string {
  return samplePrompts[task];
}

/** The picture public/samples/input.jpg serves, as the instance at `baseUrl` publishes it. */
export function sampleImageUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/samples/input.jpg`;
}

function requiredValue(d: ParamDescriptor, baseUrl: string): unknown {
  switch (d.type) {
    case "string":
      return "sample";
    case "integer":
    case "number":
      return d.min;
    case "boolean":
      return d.default;
    case "enum":
      return d.options[0];
    case "image_urls":
      return [sampleImageUrl(baseUrl)];
  }
}

/**
 * A task `input` the variant's own parameter schema accepts: the prompt, the sample picture for
 * variants that take images, and the first valid value of any other field without a default.
 */
export function sampleInput(variant: SampleVariant, baseUrl: string): Record<string, unknown> {
  const input: Record<string, unknown> = { prompt: samplePrompt(variant.task) };
  for (const d of variant.parameters) {
    if (d.name === "prompt") continue;
    const hasDefault = "default" in d && d.default !== undefined;
    const wantsImages = d.type === "image_urls" && variant.task !== "text_to_image";
    if ((d.required && !hasDefault) || wantsImages) input[d.name] = requiredValue(d, baseUrl);
  }
  return input;
}
