import { describe, expect, it } from "vitest";
import { flexibleRatios } from "./param-presets";
import { aspectRatioForSize, parseSize, sizeFor, sizesFor } from "./size";

const pro1k = { familySlug: "flux-2-pro", resolutionTier: "1K" };
const pro2k = { familySlug: "flux-2-pro", resolutionTier: "2K" };
const gpt = { familySlug: "gpt-image-1.5", resolutionTier: "high" };

describe("sizes", () => {
  it.each([
    [pro1k, "4:3", { width: 1024, height: 768 }],
    [pro1k, "16:9", { width: 1024, height: 576 }],
    [pro1k, "9:16", { width: 576, height: 1024 }],
    [pro2k, "1:1", { width: 2048, height: 2048 }],
    [pro1k, "match_input_image", { width: 1024, height: 1024 }],
    [gpt, "3:2", { width: 1536, height: 1024 }],
  ])("%o renders %s at %o", (variant, ratio, size) => {
    expect(sizeFor(variant, ratio)).toEqual(size);
  });

  it("every size it lists maps back to its own aspect ratio", () => {
    for (const variant of [pro1k, pro2k, gpt]) {
      const options = variant === gpt ? ["1:1", "3:2", "2:3"] : flexibleRatios;
      for (const listed of sizesFor(variant, options)) {
        const ratio = aspectRatioForSize(variant, options, parseSize(listed)!);
        expect(ratio, `${variant.resolutionTier} ${listed}`).not.toBeNull();
        expect(sizeFor(variant, ratio!)).toEqual(parseSize(listed));
      }
    }
  });

  it("takes the shape of a smaller size, refuses more pixels than the tier or an unlisted shape", () => {
    expect(aspectRatioForSize(pro1k, flexibleRatios, { width: 512, height: 512 })).toBe("1:1");
    expect(aspectRatioForSize(pro1k, flexibleRatios, { width: 2048, height: 2048 })).toBeNull();
    expect(aspectRatioForSize(pro1k, flexibleRatios, { width: 1000, height: 100 })).toBeNull();
    expect(parseSize("1024x1024")).toEqual({ width: 1024, height: 1024 });
    expect(parseSize("auto")).toBeNull();
  });
});
