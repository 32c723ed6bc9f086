import { expect, type APIRequestContext, test } from "@playwright/test";
import OpenAI, { toFile } from "openai";
import { cli, runTask } from "./support";

/** A new user with a live and a test key, through the operator CLI. */
async function userWithKeys(): Promise<{ live: string; test: string }> {
  const email = `gen-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await cli("users:create", email, "correct horse battery");
  const live = (await cli("keys:create", email, "--name", "live")).at(-1)!;
  const testKey = (await cli("keys:create", email, "--test", "--name", "test")).at(-1)!;
  return { live, test: testKey };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const balanceOf = async (request: APIRequestContext, key: string) =>
  (await (await request.get("/api/v1/account/balance", { headers: { Authorization: `Bearer ${key}` } })).json()).available_micros as number;

test("a test key: createTask, poll, success, and the image URL serves a PNG of the requested size", async ({ request }) => {
  test.setTimeout(90_000);
  const { test: key } = await userWithKeys();
  const record = await runTask(request, key, {
    model: "flux-2-pro",
    input: { prompt: "a red bicycle against a white wall", aspect_ratio: "16:9", output_format: "png", seed: 7 },
  });
  expect(record).toMatchObject({ state: "success", simulated: true, costMicros: 0 });
  const { resultUrls, thumbnailUrls } = JSON.parse(record.resultJson as string);
  const image = await request.get(resultUrls[0]);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await image.body())).toEqual({ width: 1024, height: 576 });
  const thumb = await request.get(thumbnailUrls[0]);
  expect(thumb.headers()["content-type"]).toBe("image/webp");
});

test("a live key pays exactly the price for a success and nothing for a forced failure", async ({ request }) => {
  test.setTimeout(90_000);
  const { live } = await userWithKeys();
  const before = await balanceOf(request, live);
  const ok = await runTask(request, live, { model: "flux-2-pro-text-to-image-1k", input: { prompt: "a teapot" } });
  expect(ok.state).toBe("success");
  expect(await balanceOf(request, live)).toBe(before - 35_000);

  const failed = await runTask(request, live, { model: "flux-2-pro-text-to-image-1k", input: { prompt: "a teapot [sim:fail]" } });
  expect(failed).toMatchObject({ state: "fail", failCode: "generation_failed" });
  expect(await balanceOf(request, live)).toBe(before - 35_000);
});

test("the official openai SDK generates and edits images with only baseURL and the key changed", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const { test: key } = await userWithKeys();
  const client = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: key });

  const generated = await client.images.generate({ model: "flux-2-pro", prompt: "a paper crane", n: 2, size: "1024x1024", response_format: "b64_json" });
  expect(generated.data).toHaveLength(2);
  const first = Buffer.from(generated.data![0]!.b64_json!, "base64");
  expect(first.subarray(0, 3).toString("hex")).toBe("ffd8ff");

  const edited = await client.images.edit({
    model: "flux-2-pro-image-to-image",
    prompt: "make it blue",
    image: await toFile(first, "crane.jpg", { type: "image/jpeg" }),
  });
  expect(edited.data![0]!.url).toMatch(/\/media\/med_[0-9a-z]{24}\.jpg$/);

  await expect(client.images.generate({ model: "no-such-model", prompt: "x" })).rejects.toMatchObject({ status: 404 });
});
