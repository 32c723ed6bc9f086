import { describe, expect, it } from "vitest";
import { z } from "zod";
import { paramDescriptorsSchema } from "@/lib/catalog/params";
import { catalogSource } from "@/lib/catalog/source";
import { generateImageInput, MAX_WAIT_SEC, parameterProperties } from "./generate-input";

const variants = catalogSource.variants.map((v) => ({ parameters: paramDescriptorsSchema.parse(v.parameters) }));
const jsonSchema = () => z.toJSONSchema(generateImageInput(variants), { io: "input" }) as { properties: Record<string, Record<string, unknown>>; required: string[]; additionalProperties: unknown };

describe("generate_image's input schema", () => {
  it("documents every catalog parameter, with the widest range and every option", () => {
    const properties = parameterProperties(variants);
    const names = new Set(variants.flatMap((v) => v.parameters.map((p) => p.name)));
    expect(Object.keys(properties).sort()).toEqual([...names].sort());
    // FLUX.2 [flex] takes 1..50 steps and Qwen Image 2..50: the union is 1..50.
    expect(properties.steps).toMatchObject({ type: "integer", minimum: 1, maximum: 50 });
    expect(properties.aspect_ratio!.enum).toEqual(expect.arrayContaining(["1:1", "16:9", "match_input_image", "16:10"]));
    expect(properties.image_urls).toMatchObject({ type: "array", items: { type: "string" } });
    expect(properties.image_urls!.description).toMatch(/data:image/);
  });

  it("says when a parameter is not taken by every model, or differs between them", () => {
    const properties = parameterProperties(variants);
    expect(properties.steps!.description).toMatch(/^.+ Only \d+ of \d+ models take it\. .*get_model/);
    expect(properties.prompt!.description).not.toMatch(/Only \d+ of/);
  });

  it("requires model and prompt, bounds wait_seconds and admits no other names", () => {
    const schema = jsonSchema();
    expect(schema.required).toEqual(["model", "prompt"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.wait_seconds).toMatchObject({ type: "integer", minimum: 1, maximum: MAX_WAIT_SEC, default: 30 });
    expect(schema.properties.prompt).toMatchObject({ type: "string" });
  });

  it("leaves the model's parameters, even unknown ones, to the model's own validation", () => {
    const parsed = generateImageInput(variants).parse({ model: "flux-2-pro", prompt: 7, steps: "many", stepz: 3 });
    expect(parsed).toEqual({ model: "flux-2-pro", wait_seconds: 30, prompt: 7, steps: "many", stepz: 3 });
  });

  it("refuses a wait beyond the bound", () => {
    expect(generateImageInput(variants).safeParse({ model: "m", prompt: "p", wait_seconds: MAX_WAIT_SEC + 1 }).success).toBe(false);
  });
});
