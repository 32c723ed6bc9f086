import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { fetchInputImage } from "./input-fetch";

const own = `http://localhost:${env.PORT}`;

describe("fetchInputImage", () => {
  it("reads this server's own sample image from public/, which the SSRF guard would refuse over loopback", async () => {
    const response = await fetchInputImage(`${own}/samples/input.jpg`);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync("public/samples/input.jpg"))).toBe(true);
  });

  it.each([
    [`${own}/samples/%2e%2e/%2e%2e/package.json`, "a path out of public/"],
    [`${own}/../package.json`, "a normalised path out of public/"],
    [`${own}/robots.txt`, "a file that is no image"],
    [`${own}/samples/missing.jpg`, "a missing file"],
    [`http://127.0.0.1:1/samples/input.jpg`, "another loopback port"],
  ])("leaves %s to the SSRF guard (%s), which refuses loopback", async (url) => {
    await expect(fetchInputImage(url)).rejects.toThrow();
  });

  it("reads data: URLs locally", async () => {
    const response = await fetchInputImage("data:image/png;base64,iVBORw0KGgo=");
    expect(response.headers.get("content-type")).toBe("image/png");
  });
});
