import { megapixels, type Pace } from "../durations";

export type BflFamily = "flux-2" | "kontext" | "flux-1" | "ultra";

/** Credits ($0.01) per megapixel (PROTOCOLS.md §1), or per image for the flat-priced models. */
export type BflPrice = { firstMp: number; extraMp: number; inputMp: number } | { flat: number };

export type BflModel = {
  family: BflFamily;
  price: BflPrice;
  pace: Pace;
  /** Models that take sampling controls, with their ranges. */
  steps?: { min: number; max: number; default: number };
  guidance?: { min: number; max: number; default: number };
  /** FLUX.2 [flex] says prompt_upsampling, [pro]/[max]/[klein] say disable_pup. */
  upsampling?: "prompt_upsampling" | "disable_pup";
  kontextMax?: boolean;
};

/** FLUX.2 [pro], [max] and [klein]: no sampling controls, disable_pup. */
const flux2 = (price: BflPrice, fixedMs: number): BflModel => ({ family: "flux-2", price, pace: { fixedMs }, upsampling: "disable_pup" });

export const bflModels: Record<string, BflModel> = {
  "flux-2-max": flux2({ firstMp: 7, extraMp: 3, inputMp: 3 }, 5_000),
  "flux-2-pro": flux2({ firstMp: 3, extraMp: 1.5, inputMp: 1.5 }, 3_200),
  "flux-2-flex": {
    family: "flux-2",
    price: { firstMp: 6, extraMp: 6, inputMp: 6 },
    pace: { msPerStepMp: 110, defaultSteps: 50 },
    steps: { min: 1, max: 50, default: 50 },
    guidance: { min: 1.5, max: 10, default: 5 },
    upsampling: "prompt_upsampling",
  },
  // BFL has published no per-megapixel rates for [klein]; these stand in at a fraction of [pro].
  "flux-2-klein-4b": flux2({ firstMp: 1.4, extraMp: 0.1, inputMp: 0.1 }, 1_800),
  "flux-2-klein-9b": flux2({ firstMp: 1.5, extraMp: 0.2, inputMp: 0.2 }, 2_000),
  "flux-kontext-max": { family: "kontext", price: { flat: 8 }, pace: { fixedMs: 4_800 }, kontextMax: true },
  "flux-kontext-pro": { family: "kontext", price: { flat: 4 }, pace: { fixedMs: 3_600 } },
  "flux-pro-1.1-ultra": { family: "ultra", price: { flat: 6 }, pace: { fixedMs: 3_000 } },
  "flux-pro-1.1": { family: "flux-1", price: { flat: 4 }, pace: { fixedMs: 3_000 } },
  "flux-pro": {
    family: "flux-1",
    price: { flat: 5 },
    pace: { msPerStepMp: 100, defaultSteps: 40 },
    steps: { min: 1, max: 50, default: 40 },
    guidance: { min: 1.5, max: 5, default: 2.5 },
  },
  "flux-dev": {
    family: "flux-1",
    price: { flat: 2.5 },
    pace: { msPerStepMp: 90, defaultSteps: 28 },
    steps: { min: 1, max: 50, default: 28 },
    guidance: { min: 1.5, max: 5, default: 3 },
  },
};

export type BflCost = { cost: number; inputMp: number; outputMp: number };

/** Megapixels are billed whole, rounded up; each input image counts as one (the simulator never fetches them). */
export function bflCost(model: BflModel, size: { width: number; height: number }, inputImages: number): BflCost {
  const outputMp = Math.max(1, Math.ceil(megapixels(size.width, size.height) - 1e-9));
  const { price } = model;
  const cost = "flat" in price ? price.flat : price.firstMp + price.extraMp * (outputMp - 1) + price.inputMp * inputImages;
  return { cost: Math.round(cost * 100) / 100, inputMp: inputImages, outputMp };
}
