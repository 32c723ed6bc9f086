import type { ParamDescriptor } from "./params";

// One name per concept across the whole catalog (prompt, image_urls, aspect_ratio, seed, ...), so a
// request written for one variant carries over to the next; adapters rename fields per upstream.

export const flexibleRatios = ["1:1", "4:3", "3:4", "3:2", "2:3", "16:9", "9:16", "21:9", "9:21"];
/** For edits: keep the first input image's shape unless told otherwise. */
export const matchInput = "match_input_image";

export function promptParam(maxLength: number): ParamDescriptor {
  return {
    type: "string",
    name: "prompt",
    label: "Prompt",
    description: "What to generate or change, in plain language.",
    required: true,
    maxLength,
  };
}

export function negativePromptParam(): ParamDescriptor {
  return {
    type: "string",
    name: "negative_prompt",
    label: "Negative prompt",
    description: "Things the image should avoid.",
    maxLength: 2000,
    advanced: true,
  };
}

/** Input images for image-to-image and edit variants, which always need at least one. */
export function inputImagesParam(maxItems: number): ParamDescriptor {
  return {
    type: "image_urls",
    name: "image_urls",
    label: maxItems === 1 ? "Input image" : "Input images",
    description:
      maxItems === 1
        ? "Public URL of the image to work from."
        : `Public URLs of 1 to ${maxItems} images to edit or draw on, in order of importance.`,
    required: true,
    minItems: 1,
    maxItems,
  };
}

/** The variant's resolution tier sets the pixel budget; this only chooses the shape. */
export function aspectRatioParam(options: string[], defaultValue: string): ParamDescriptor {
  return {
    type: "enum",
    name: "aspect_ratio",
    label: "Aspect ratio",
    description: "Width to height of the output image.",
    options,
    default: defaultValue,
  };
}

export function seedParam(): ParamDescriptor {
  return {
    type: "integer",
    name: "seed",
    label: "Seed",
    description: "Fix it to get the same image again for the same inputs; leave empty for a random one.",
    min: 0,
    max: 2_147_483_647,
    advanced: true,
  };
}

export function safetyToleranceParam(max: number): ParamDescriptor {
  return {
    type: "integer",
    name: "safety_tolerance",
    label: "Safety tolerance",
    description: `Content moderation strictness, from 0 (strictest) to ${max} (most permissive).`,
    min: 0,
    max,
    step: 1,
    default: 2,
    advanced: true,
  };
}

export function outputFormatParam(options: string[], defaultValue: string): ParamDescriptor {
  return {
    type: "enum",
    name: "output_format",
    label: "Output format",
    description: "File format of the result.",
    options,
    default: defaultValue,
    advanced: true,
  };
}

export function promptUpsamplingParam(defaultValue: boolean): ParamDescriptor {
  return {
    type: "boolean",
    name: "prompt_upsampling",
    label: "Prompt upsampling",
    description: "Let the model expand a short prompt into a more detailed one before generating.",
    default: defaultValue,
  };
}
