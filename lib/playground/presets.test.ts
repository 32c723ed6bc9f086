import { describe, expect, it } from "vitest";
import type { ParamDescriptor } from "@/lib/catalog/params";
import { presetsFor, shortVariantName, snapToParam } from "./presets";

const steps = (min: number, max: number, step?: number): ParamDescriptor => ({
  type: "integer",
  name: "steps",
  label: "Steps",
  description: "Sampling steps.",
  min,
  max,
  step,
  default: max,
});

describe("presetsFor", () => {
  it("offers fast (8 steps) and quality (50 steps) for a variant with steps, labelled by its short name", () => {
    expect(presetsFor({ displayName: "FLUX.2 [flex] 1K", parameters: [steps(1, 50, 1)] })).toEqual([
      { id: "fast", title: "Fast: 8 steps", label: "Flex fast: 8 steps", params: { steps: 8 } },
      { id: "quality", title: "Quality: 50 steps", label: "Flex quality: 50 steps", params: { steps: 50 } },
    ]);
  });

  it("clamps to the variant's range and step grid", () => {
    const presets = presetsFor({ displayName: "Qwen Image", parameters: [steps(10, 40, 5)] });
    expect(presets.map((p) => p.params.steps)).toEqual([10, 40]);
    expect(presets[0]?.label).toBe("Qwen fast: 10 steps");
  });

  it("offers one preset when the range collapses both onto the same value", () => {
    expect(presetsFor({ displayName: "X", parameters: [steps(20, 20)] })).toHaveLength(1);
  });

  it("offers nothing for a variant without steps", () => {
    expect(presetsFor({ displayName: "FLUX.2 [pro] 1K", parameters: [] })).toEqual([]);
  });
});

describe("snapToParam", () => {
  it("keeps integers on min + k * step without passing max", () => {
    const d = { type: "integer", name: "n", label: "N", description: "n", min: 1, max: 10, step: 3 } as const;
    expect([0, 5, 9, 10, 99].map((v) => snapToParam(d, v))).toEqual([1, 4, 10, 10, 10]);
  });

  it("only clamps numbers", () => {
    const d = { type: "number", name: "g", label: "G", description: "g", min: 1.5, max: 10, step: 0.1 } as const;
    expect([0, 4.33, 12].map((v) => snapToParam(d, v))).toEqual([1.5, 4.33, 10]);
  });
});

describe("shortVariantName", () => {
  it.each([
    ["FLUX.2 [flex] 1K", "Flex"],
    ["FLUX.1 Kontext [max]", "Max"],
    ["GPT Image 1.5 (high)", "GPT"],
  ])("%s -> %s", (name, short) => expect(shortVariantName(name)).toBe(short));
});
