import { describe, expect, it } from "vitest";
import type { ParamDescriptor } from "@/lib/catalog/params";
import { sweepableParams, sweepPanes, sweepValues } from "./sweep";

const steps = { type: "integer", name: "steps", label: "Steps", description: "s", min: 1, max: 50, step: 1, default: 50 } as const;
const guidance = { type: "number", name: "guidance", label: "Guidance", description: "g", min: 1.5, max: 10, step: 0.1, default: 5 } as const;

describe("sweepValues", () => {
  it("sweeps steps over 8 / 16 / 28 / 50", () => {
    expect(sweepValues(steps, 4)).toEqual([8, 16, 28, 50]);
  });

  it("keeps the steps ladder within a narrower range, dropping repeats", () => {
    expect(sweepValues({ ...steps, min: 10, max: 30 }, 4)).toEqual([10, 16, 28, 30]);
    expect(sweepValues({ ...steps, min: 1, max: 12 }, 4)).toEqual([8, 12]);
  });

  it("spreads guidance evenly over its range, rounded to its step", () => {
    expect(sweepValues(guidance, 4)).toEqual([1.5, 4.3, 7.2, 10]);
  });

  it("puts integers on the step grid", () => {
    expect(sweepValues({ type: "integer", name: "safety_tolerance", label: "Safety", description: "s", min: 0, max: 6, step: 2 }, 3)).toEqual([0, 4, 6]);
  });
});

describe("sweepPanes", () => {
  it("labels each pane with the parameter and its value", () => {
    expect(sweepPanes(steps, 4).map((p) => p.label)).toEqual(["steps 8", "steps 16", "steps 28", "steps 50"]);
    expect(sweepPanes(guidance, 2)).toEqual([
      { params: { guidance: 1.5 }, label: "guidance 1.5" },
      { params: { guidance: 10 }, label: "guidance 10" },
    ]);
  });
});

describe("sweepableParams", () => {
  it("offers numeric parameters but not the shared seed", () => {
    const seed: ParamDescriptor = { type: "integer", name: "seed", label: "Seed", description: "s", min: 0, max: 9 };
    const flag: ParamDescriptor = { type: "boolean", name: "prompt_upsampling", label: "Up", description: "u", default: true };
    expect(sweepableParams([seed, steps, flag, guidance]).map((d) => d.name)).toEqual(["steps", "guidance"]);
  });
});
