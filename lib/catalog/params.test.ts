import { describe, expect, it } from "vitest";
import { paramDescriptorSchema, paramDescriptorsSchema, paramsToZod, type ParamDescriptor } from "./params";
import { catalogSource } from "./source";

function parametersOf(slug: string): ParamDescriptor[] {
  const variant = catalogSource.variants.find((v) => v.slug === slug);
  if (!variant) throw new Error(`no variant ${slug}`);
  return variant.parameters;
}

const base = { name: "x", label: "X", description: "An example." };

describe("paramDescriptorSchema", () => {
  it("accepts every descriptor in the catalog", () => {
    for (const v of catalogSource.variants) {
      expect(paramDescriptorsSchema.safeParse(v.parameters).success, v.slug).toBe(true);
    }
  });

  it.each([
    ["integer with min above max", { ...base, type: "integer", min: 5, max: 1 }],
    ["integer default out of range", { ...base, type: "integer", min: 1, max: 50, default: 51 }],
    ["integer default off the step grid", { ...base, type: "integer", min: 64, max: 2048, step: 16, default: 100 }],
    ["integer with a fractional bound", { ...base, type: "integer", min: 0.5, max: 2 }],
    ["number default out of range", { ...base, type: "number", min: 1.5, max: 10, default: 1 }],
    ["required with a default", { ...base, type: "number", min: 0, max: 1, default: 0.5, required: true }],
    ["enum default not an option", { ...base, type: "enum", options: ["png", "jpeg"], default: "gif" }],
    ["enum options repeating", { ...base, type: "enum", options: ["png", "png"] }],
    ["enum without options", { ...base, type: "enum", options: [] }],
    ["image_urls required without minItems", { ...base, type: "image_urls", maxItems: 4, required: true }],
    ["image_urls minItems without required", { ...base, type: "image_urls", maxItems: 4, minItems: 1 }],
    ["image_urls minItems above maxItems", { ...base, type: "image_urls", maxItems: 2, minItems: 3, required: true }],
    ["required boolean", { ...base, type: "boolean", default: true, required: true }],
    ["boolean without default", { ...base, type: "boolean" }],
    ["unknown type", { ...base, type: "color" }],
    ["unknown field", { ...base, type: "string", maxLength: 10, pattern: ".*" }],
    ["camelCase name", { ...base, name: "outputFormat", type: "string", maxLength: 10 }],
  ])("rejects %s", (_, descriptor) => {
    expect(paramDescriptorSchema.safeParse(descriptor).success).toBe(false);
  });

  it.each([
    ["no prompt", [{ ...base, type: "string", maxLength: 10, required: true }]],
    ["an optional prompt", [{ ...base, name: "prompt", type: "string", maxLength: 10 }]],
    [
      "a repeated name",
      [
        { ...base, name: "prompt", type: "string", maxLength: 10, required: true },
        { ...base, name: "prompt", type: "string", maxLength: 10 },
      ],
    ],
  ])("rejects a parameter list with %s", (_, list) => {
    expect(paramDescriptorsSchema.safeParse(list).success).toBe(false);
  });
});

describe("paramsToZod", () => {
  const flexText = paramsToZod(parametersOf("flux-2-flex-text-to-image-2k"));
  const flexEdit = paramsToZod(parametersOf("flux-2-flex-image-to-image-2k"));

  it("fills in every default of FLUX.2 [flex]", () => {
    expect(flexText.parse({ prompt: "  a red fox in snow " })).toEqual({
      prompt: "a red fox in snow",
      aspect_ratio: "4:3",
      steps: 50,
      guidance: 5,
      prompt_upsampling: true,
      safety_tolerance: 2,
      output_format: "jpeg",
    });
  });

  it("keeps values that are given", () => {
    const input = {
      prompt: "poster",
      aspect_ratio: "9:16",
      steps: 1,
      guidance: 7.25,
      prompt_upsampling: false,
      seed: 42,
      safety_tolerance: 5,
      output_format: "webp",
    };
    expect(flexText.parse(input)).toEqual(input);
  });

  it.each([
    ["a missing prompt", {}],
    ["a blank prompt", { prompt: "   " }],
    ["a prompt over 5000 characters", { prompt: "x".repeat(5001) }],
    ["an unknown key", { prompt: "p", image_size: "square_hd" }],
    ["steps 0", { prompt: "p", steps: 0 }],
    ["steps 51", { prompt: "p", steps: 51 }],
    ["fractional steps", { prompt: "p", steps: 2.5 }],
    ["steps as a string", { prompt: "p", steps: "20" }],
    ["guidance 1.4", { prompt: "p", guidance: 1.4 }],
    ["guidance 10.1", { prompt: "p", guidance: 10.1 }],
    ["safety_tolerance 6", { prompt: "p", safety_tolerance: 6 }],
    ["a negative seed", { prompt: "p", seed: -1 }],
    ["an unknown output format", { prompt: "p", output_format: "gif" }],
    ["an unknown aspect ratio", { prompt: "p", aspect_ratio: "5:4" }],
    ["input images on text-to-image", { prompt: "p", image_urls: ["https://example.com/a.png"] }],
  ])("rejects %s", (_, input) => {
    expect(flexText.safeParse(input).success).toBe(false);
  });

  const url = (i: number) => `https://example.com/${i}.png`;

  it.each([
    ["no images", undefined, false],
    ["an empty list", [], false],
    ["one image", [url(1)], true],
    ["eight images", Array.from({ length: 8 }, (_, i) => url(i)), true],
    ["nine images", Array.from({ length: 9 }, (_, i) => url(i)), false],
    ["a non-http URL", ["ftp://example.com/a.png"], false],
    ["a base64 PNG data URL", ["data:image/png;base64,AAAA"], true],
    ["a data URL of another type", ["data:text/html;base64,AAAA"], false],
    ["a data URL that is not base64", ["data:image/png,<svg>"], false],
    ["a URL over 2048 characters", [`https://example.com/${"a".repeat(2048)}`], false],
  ])("image-to-image with %s: valid = %s", (_, images, valid) => {
    expect(flexEdit.safeParse({ prompt: "p", image_urls: images }).success).toBe(valid);
  });

  it("defaults edits to the input image's shape", () => {
    expect(flexEdit.parse({ prompt: "p", image_urls: [url(1)] }).aspect_ratio).toBe("match_input_image");
  });

  it("lets an optional text field be empty, as forms send it, but not too long", () => {
    const qwen = paramsToZod(parametersOf("qwen-image-text-to-image"));
    expect(qwen.parse({ prompt: "p", negative_prompt: " " }).negative_prompt).toBe("");
    expect(qwen.safeParse({ prompt: "p", negative_prompt: "x".repeat(2001) }).success).toBe(false);
  });

  it("enforces an integer step relative to min, and leaves optional fields absent", () => {
    const schema = paramsToZod([
      { type: "string", name: "prompt", label: "Prompt", description: "d", required: true, maxLength: 10 },
      { type: "integer", name: "width", label: "Width", description: "d", min: 64, max: 2048, step: 16 },
    ]);
    expect(schema.parse({ prompt: "p" })).toEqual({ prompt: "p" });
    expect(schema.safeParse({ prompt: "p", width: 64.5 }).success).toBe(false);
    expect(schema.safeParse({ prompt: "p", width: 80 }).success).toBe(true);
    expect(schema.safeParse({ prompt: "p", width: 72 }).success).toBe(false);
    expect(schema.safeParse({ prompt: "p", width: 2064 }).success).toBe(false);
  });
});
