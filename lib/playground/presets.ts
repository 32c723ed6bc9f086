import type { ParamDescriptor } from "@/lib/catalog/params";

// Browser-safe: the playground's pane presets, built from a variant's own parameter descriptors.

type NumericParam = Extract<ParamDescriptor, { type: "integer" | "number" }>;

export type Preset = {
  id: string;
  /** The button text, "Fast: 8 steps". */
  title: string;
  /** Sent as the pane's label, "Flex fast: 8 steps". */
  label: string;
  params: Record<string, number>;
};

export function isNumericParam(d: ParamDescriptor): d is NumericParam {
  return d.type === "integer" || d.type === "number";
}

/** `value` moved into the descriptor's range and, for integers, onto its step grid (min + k * step). */
export function snapToParam(d: NumericParam, value: number): number {
  const clamped = Math.min(d.max, Math.max(d.min, value));
  if (d.type === "number") return clamped;
  const step = d.step ?? 1;
  const snapped = d.min + Math.round((clamped - d.min) / step) * step;
  return snapped > d.max ? snapped - step : snapped;
}

/** "FLUX.2 [flex] 1K" -> "Flex"; otherwise the first word of the name. */
export function shortVariantName(displayName: string): string {
  const bracketed = /\[([^\]]+)\]/.exec(displayName)?.[1];
  const word = bracketed ?? displayName.split(/\s+/)[0] ?? displayName;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const stepPresets = [
  { id: "fast", name: "fast", steps: 8 },
  { id: "quality", name: "quality", steps: 50 },
];

/** Presets a variant offers: for one with a `steps` control, a fast and a quality setting. */
export function presetsFor(variant: { displayName: string; parameters: readonly ParamDescriptor[] }): Preset[] {
  const steps = variant.parameters.find((d): d is NumericParam => d.name === "steps" && isNumericParam(d));
  if (!steps) return [];
  const short = shortVariantName(variant.displayName);
  const presets = stepPresets.map(({ id, name, steps: wanted }) => {
    const value = snapToParam(steps, wanted);
    const what = `${value} ${value === 1 ? "step" : "steps"}`;
    return { id, title: `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${what}`, label: `${short} ${name}: ${what}`, params: { steps: value } };
  });
  // A narrow range can clamp both presets to the same value; one button is enough then.
  return presets.filter((p, i) => presets.findIndex((q) => q.params.steps === p.params.steps) === i);
}
