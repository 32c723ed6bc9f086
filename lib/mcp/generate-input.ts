import { z } from "zod";
import type { ParamDescriptor } from "@/lib/catalog/params";
import type { VariantView } from "@/lib/catalog/types";

// generate_image takes a model's parameters as top-level arguments (model, prompt, aspect_ratio,
// seed, ...): the catalog uses one name per concept, so one flat argument list covers every model,
// and an agent fills it without nesting. Its JSON Schema is the union of the catalog's
// parameter descriptors (every option, the widest range). Validation is not done against that
// union: the chosen model's own schema (parseInput, as createTask does) checks the arguments, so a
// value another model would accept is still refused, with the API's code and message naming the field.

const DEFAULT_WAIT_SEC = 30;
// The MCP SDK's client and Codex give up on a tool call after 60 s by default.
export const MAX_WAIT_SEC = 55;

type JsonSchema = Record<string, unknown>;

const inlineImages = "Each is a public http(s) URL or a data:image/png|jpeg|webp;base64,... URL (up to 10 MB).";

type Of<T extends ParamDescriptor["type"]> = Extract<ParamDescriptor, { type: T }>;

function mergedType(descriptors: ParamDescriptor[]): JsonSchema {
  const [first] = descriptors;
  // The catalog keeps one type per parameter name; were it ever broken, say nothing rather than something wrong.
  if (!first || descriptors.some((d) => d.type !== first.type)) return {};
  switch (first.type) {
    case "string":
      return { type: "string", maxLength: Math.max(...(descriptors as Of<"string">[]).map((d) => d.maxLength)) };
    case "integer":
    case "number": {
      const ranges = descriptors as Of<"integer" | "number">[];
      return { type: first.type, minimum: Math.min(...ranges.map((d) => d.min)), maximum: Math.max(...ranges.map((d) => d.max)) };
    }
    case "boolean":
      return { type: "boolean" };
    case "enum":
      return { type: "string", enum: [...new Set((descriptors as Of<"enum">[]).flatMap((d) => d.options))] };
    case "image_urls":
      return { type: "array", items: { type: "string" }, maxItems: Math.max(...(descriptors as Of<"image_urls">[]).map((d) => d.maxItems)) };
  }
}

/** Whether the models disagree on anything but the wording: a range, an option, a default, being required. */
function differs(descriptors: ParamDescriptor[]): boolean {
  const rules = descriptors.map((d) => JSON.stringify({ ...d, label: undefined, description: undefined, advanced: undefined }));
  return new Set(rules).size > 1;
}

/** One JSON Schema property per parameter name in the catalog. */
export function parameterProperties(variants: Pick<VariantView, "parameters">[]): Record<string, JsonSchema> {
  const byName = new Map<string, ParamDescriptor[]>();
  for (const variant of variants) {
    for (const d of variant.parameters) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  }
  const properties: Record<string, JsonSchema> = {};
  for (const [name, descriptors] of byName) {
    const notes = [descriptors[0]!.description];
    if (descriptors.some((d) => d.type === "image_urls")) notes.push(inlineImages);
    if (descriptors.length < variants.length) notes.push(`Only ${descriptors.length} of ${variants.length} models take it.`);
    if (differs(descriptors)) notes.push("Its range, options and default depend on the model: get_model lists them.");
    properties[name] = { ...mergedType(descriptors), description: notes.join(" ") };
  }
  return properties;
}

const modelArg = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe("The model's slug or alias, from list_models (e.g. flux-2-pro-text-to-image-1k).");

const waitArg = z
  .number()
  .int()
  .min(1)
  .max(MAX_WAIT_SEC)
  .default(DEFAULT_WAIT_SEC)
  .describe(`How long to wait for the image, in seconds. If it is not ready by then the answer names the task: call get_task with it.`);

/**
 * The tool's input schema. The model's parameters are `unknown` to the SDK's validator (their JSON
 * Schema is documentation, the model's own schema checks them); unknown names pass through to be
 * refused by that check rather than silently dropped.
 */
export function generateImageInput(variants: Pick<VariantView, "parameters">[]) {
  const params: Record<string, z.ZodType> = {};
  for (const [name, schema] of Object.entries(parameterProperties(variants))) {
    if (name !== "model" && name !== "wait_seconds") params[name] = z.unknown().optional().meta(schema);
  }
  return z
    .looseObject({ model: modelArg, wait_seconds: waitArg, ...params })
    .meta({ required: ["model", "prompt"], additionalProperties: false });
}

export type GenerateImageArgs = z.output<ReturnType<typeof generateImageInput>>;
