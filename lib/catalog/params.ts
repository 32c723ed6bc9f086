import { z } from "zod";

// Shared with the playground UI, so nothing here may touch the server.

const paramName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "parameter names are snake_case")
  .max(64);

const common = {
  name: paramName,
  label: z.string().min(1).max(60),
  description: z.string().min(1).max(300),
  required: z.boolean().optional(),
  /** Hidden behind an "advanced" disclosure in UIs. */
  advanced: z.boolean().optional(),
};

const stringParam = z.strictObject({
  ...common,
  type: z.literal("string"),
  maxLength: z.number().int().positive(),
});

/** `step` is enforced: a value must be `min + k * step`. */
const integerParam = z.strictObject({
  ...common,
  type: z.literal("integer"),
  min: z.number().int(),
  max: z.number().int(),
  step: z.number().int().positive().optional(),
  default: z.number().int().optional(),
});

/** `step` is only the UI's slider increment: upstreams accept any value in range. */
const numberParam = z.strictObject({
  ...common,
  type: z.literal("number"),
  min: z.number(),
  max: z.number(),
  step: z.number().positive().optional(),
  default: z.number().optional(),
});

const booleanParam = z.strictObject({ ...common, type: z.literal("boolean"), default: z.boolean() });

const enumParam = z.strictObject({
  ...common,
  type: z.literal("enum"),
  options: z.array(z.string().min(1)).min(1),
  default: z.string().optional(),
});

/** Public http(s) URLs of input images; required exactly when `minItems` >= 1. */
const imageUrlsParam = z.strictObject({
  ...common,
  type: z.literal("image_urls"),
  maxItems: z.number().int().positive(),
  minItems: z.number().int().nonnegative().optional(),
});

export const paramDescriptorSchema = z
  .discriminatedUnion("type", [
    stringParam,
    integerParam,
    numberParam,
    booleanParam,
    enumParam,
    imageUrlsParam,
  ])
  .superRefine((d, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: "custom", message, path: [d.name] });
    switch (d.type) {
      case "integer":
      case "number":
        if (d.min > d.max) fail("min is greater than max");
        if (d.default !== undefined && (d.default < d.min || d.default > d.max)) {
          fail("default is out of range");
        }
        if (d.type === "integer" && d.step !== undefined) {
          const step = d.step;
          const offGrid = [d.max, d.default].some((v) => v !== undefined && (v - d.min) % step !== 0);
          if (offGrid) fail("max and default must be min plus a multiple of step");
        }
        if (d.required && d.default !== undefined) fail("a required parameter cannot have a default");
        break;
      case "enum":
        if (new Set(d.options).size !== d.options.length) fail("options repeat");
        if (d.default !== undefined && !d.options.includes(d.default)) fail("default is not an option");
        if (d.required && d.default !== undefined) fail("a required parameter cannot have a default");
        break;
      case "image_urls":
        if ((d.minItems ?? 0) > d.maxItems) fail("minItems is greater than maxItems");
        if (Boolean(d.required) !== (d.minItems ?? 0) > 0) fail("required must match minItems >= 1");
        break;
      case "boolean":
        if (d.required) fail("a boolean always has a default, so it cannot be required");
        break;
      case "string":
        break;
    }
  });

export type ParamDescriptor = z.infer<typeof paramDescriptorSchema>;

/** A variant's full parameter list: unique names and a required string `prompt`. */
export const paramDescriptorsSchema = z.array(paramDescriptorSchema).superRefine((list, ctx) => {
  const names = list.map((d) => d.name);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length > 0) {
    ctx.addIssue({ code: "custom", message: `parameter names repeat: ${repeated.join(", ")}` });
  }
  const prompt = list.find((d) => d.name === "prompt");
  if (prompt?.type !== "string" || !prompt.required) {
    ctx.addIssue({ code: "custom", message: "a required string parameter named prompt is missing" });
  }
});

const maxImageUrlLength = 2048;
/** Inline images (what the OpenAI edits route turns uploads into): about 10 MB of image each. */
const maxDataUrlLength = 14_000_000;
const imageDataUrl = z
  .string()
  .max(maxDataUrlLength, "an inline image must be at most 10 MB")
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/, "must be an http(s) URL or a base64 data URL of a PNG, JPEG or WebP image");

function fieldSchema(d: ParamDescriptor): z.ZodType {
  switch (d.type) {
    case "string": {
      const s = z.string().trim().max(d.maxLength);
      return d.required ? s.min(1) : s.optional();
    }
    case "integer":
    case "number": {
      let n = (d.type === "integer" ? z.number().int() : z.number()).min(d.min).max(d.max);
      if (d.type === "integer" && d.step !== undefined) {
        const { min, step } = d;
        n = n.refine((v) => (v - min) % step === 0, `must be ${min} plus a multiple of ${step}`);
      }
      if (d.default !== undefined) return n.default(d.default);
      return d.required ? n : n.optional();
    }
    case "boolean":
      return z.boolean().default(d.default);
    case "enum": {
      const e = z.enum(d.options as [string, ...string[]]);
      if (d.default !== undefined) return e.default(d.default);
      return d.required ? e : e.optional();
    }
    case "image_urls": {
      const url = z.union([z.url({ protocol: /^https?$/ }).max(maxImageUrlLength), imageDataUrl], {
        error: "must be an http(s) URL or a base64 data URL of a PNG, JPEG or WebP image",
      });
      const list = z.array(url).min(d.minItems ?? 0).max(d.maxItems);
      return d.required ? list : list.optional();
    }
  }
}

/**
 * The validator for a generation request's `input`: unknown keys are rejected, ranges apply and
 * defaults are filled in, so the parsed value is exactly what gets sent upstream.
 */
export function paramsToZod(
  descriptors: readonly ParamDescriptor[],
): z.ZodObject<Record<string, z.ZodType>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const d of descriptors) shape[d.name] = fieldSchema(d);
  return z.strictObject(shape);
}
