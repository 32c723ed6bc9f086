import { describe, expect, it } from "vitest";
import { saveCredentialForm } from "./schemas";

describe("saveCredentialForm", () => {
  it("trims the key and takes the listed upstreams only", () => {
    expect(saveCredentialForm.parse({ providerSlug: "fal", secret: "  key-1234abcd\n" })).toEqual({ providerSlug: "fal", secret: "key-1234abcd" });
    expect(saveCredentialForm.safeParse({ providerSlug: "midjourney", secret: "key-1234abcd" }).error?.issues[0]?.message).toBe(
      "Choose one of the listed upstreams",
    );
  });

  it.each([
    ["", "That is too short to be a key"],
    ["short", "That is too short to be a key"],
    ["two words here", "A key has no spaces in it"],
    ["k".repeat(1025), "At most 1024 characters"],
  ])("refuses %j: %s", (secret, message) => {
    expect(saveCredentialForm.safeParse({ providerSlug: "openai", secret }).error?.issues[0]?.message).toBe(message);
  });
});
