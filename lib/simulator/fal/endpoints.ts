import type { Pace } from "../durations";
import type { ImageFormat } from "../render-image";

// The fal endpoints the catalog routes to (PROTOCOLS.md §2). An endpoint id is the app `owner/name`
// plus an optional subpath; requests live under the app alone.

type Range = { min: number; max: number; default: number };

export type FalEndpoint = {
  /** How the size is asked for: fal's presets or {width,height}, an aspect ratio, or OpenAI's sizes. */
  size: "image_size" | "aspect_ratio" | "openai";
  defaultSize: string;
  /** aspect_ratio endpoints: the megapixels they render at. */
  ratioMp?: number;
  images: "none" | "image_urls" | "image_url" | "reference_image_urls";
  maxImages?: number;
  steps?: Range;
  guidance?: Range;
  formats: ImageFormat[];
  defaultFormat: ImageFormat;
  pace: Pace;
  kontextMax?: boolean;
};

export const falPresets = {
  square_hd: { width: 1024, height: 1024 },
  square: { width: 512, height: 512 },
  portrait_4_3: { width: 768, height: 1024 },
  portrait_16_9: { width: 576, height: 1024 },
  landscape_4_3: { width: 1024, height: 768 },
  landscape_16_9: { width: 1024, height: 576 },
} as const;

const flux2 = (pace: Pace, extra: Partial<FalEndpoint> = {}): FalEndpoint => ({
  size: "image_size",
  defaultSize: "landscape_4_3",
  images: "none",
  formats: ["jpeg", "png"],
  defaultFormat: "png",
  pace,
  ...extra,
});
const edit = (endpoint: FalEndpoint, maxImages: number): FalEndpoint => ({ ...endpoint, images: "image_urls", maxImages });

const flexPace: Pace = { msPerStepMp: 180, defaultSteps: 28 };
const flex = flux2(flexPace, {
  steps: { min: 2, max: 50, default: 28 },
  guidance: { min: 1.5, max: 10, default: 3.5 },
});
const dev = flux2(flexPace, { steps: { min: 4, max: 50, default: 28 }, guidance: { min: 0, max: 20, default: 2.5 } });
const pro = flux2({ fixedMs: 3_200 });
const max = flux2({ fixedMs: 5_000 });

const kontext = (kontextMax: boolean, images: FalEndpoint["images"], maxImages?: number): FalEndpoint => ({
  size: "aspect_ratio",
  defaultSize: "1:1",
  ratioMp: 1,
  images,
  ...(maxImages ? { maxImages } : {}),
  guidance: { min: 1, max: 20, default: 3.5 },
  formats: ["jpeg", "png"],
  defaultFormat: "jpeg",
  pace: { fixedMs: kontextMax ? 4_800 : 3_600 },
  ...(kontextMax ? { kontextMax } : {}),
});

const gptImage: FalEndpoint = {
  size: "openai",
  defaultSize: "1024x1024",
  images: "none",
  formats: ["png", "jpeg", "webp"],
  defaultFormat: "png",
  pace: { fixedMs: 6_000 },
};

const qwen = (images: FalEndpoint["images"], guidance: number): FalEndpoint => ({
  size: "image_size",
  defaultSize: "landscape_4_3",
  images,
  steps: { min: 2, max: 250, default: 30 },
  guidance: { min: 0, max: 20, default: guidance },
  formats: ["png", "jpeg"],
  defaultFormat: "png",
  pace: { msPerStepMp: 90, defaultSteps: 30 },
});

export const falEndpoints: Record<string, FalEndpoint> = {
  "fal-ai/flux-2-flex": flex,
  "fal-ai/flux-2-flex/edit": edit(flex, 10),
  "fal-ai/flux-2-pro": pro,
  "fal-ai/flux-2-pro/edit": edit(pro, 8),
  "fal-ai/flux-2-max": max,
  "fal-ai/flux-2-max/edit": edit(max, 8),
  "fal-ai/flux-2": dev,
  "fal-ai/flux-2/edit": edit(dev, 4),
  "fal-ai/flux-pro/kontext": kontext(false, "image_url"),
  "fal-ai/flux-pro/kontext/max": kontext(true, "image_url"),
  "fal-ai/flux-pro/kontext/text-to-image": kontext(false, "none"),
  "fal-ai/flux-pro/kontext/max/text-to-image": kontext(true, "none"),
  "fal-ai/flux-pro/kontext/multi": kontext(false, "image_urls", 4),
  "fal-ai/flux-pro/kontext/max/multi": kontext(true, "image_urls", 4),
  "fal-ai/flux-pro/v1.1": { ...flux2({ fixedMs: 3_000 }), defaultFormat: "jpeg" },
  "fal-ai/flux-pro/v1.1-ultra": {
    ...flux2({ fixedMs: 3_000 }),
    size: "aspect_ratio",
    defaultSize: "16:9",
    ratioMp: 4,
    defaultFormat: "jpeg",
  },
  "fal-ai/flux/dev": {
    ...dev,
    defaultFormat: "jpeg",
    guidance: { min: 1, max: 20, default: 3.5 },
    steps: { min: 1, max: 50, default: 28 },
  },
  "fal-ai/gpt-image-1.5": gptImage,
  "fal-ai/gpt-image-1.5/edit": { ...gptImage, images: "image_urls", maxImages: 16 },
  "fal-ai/ideogram/character": {
    size: "image_size",
    defaultSize: "square_hd",
    images: "reference_image_urls",
    maxImages: 1,
    formats: ["png"],
    defaultFormat: "png",
    pace: { fixedMs: 5_000 },
  },
  "fal-ai/qwen-image": qwen("none", 2.5),
  "fal-ai/qwen-image-edit": qwen("image_url", 4),
};

export const falApps = new Set(Object.keys(falEndpoints).map((id) => id.split("/").slice(0, 2).join("/")));
