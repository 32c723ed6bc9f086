import { expect, test } from "@playwright/test";
import OpenAI from "openai";

test("the official openai SDK lists and retrieves models through /v1", async ({ baseURL }) => {
  const client = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: "lg_test_catalog_is_public" });
  const ids: string[] = [];
  for await (const model of client.models.list()) ids.push(model.id);
  expect(ids).toContain("flux-2-flex-text-to-image-2k");
  expect(ids).toContain("flux-2-pro-text-to-image-1k");

  const flex = await client.models.retrieve("black-forest-labs/flux-2-flex");
  expect(flex.id).toBe("flux-2-flex-text-to-image-2k");
  expect(flex.owned_by).toBe("black-forest-labs");

  await expect(client.models.retrieve("no-such-model")).rejects.toMatchObject({ status: 404 });
});

test("GET /v1/models answers plain HTTP clients like curl", async ({ request }) => {
  const res = await request.get("/v1/models?provider=black-forest-labs");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.object).toBe("list");
  expect(body.data.every((m: { owned_by: string }) => m.owned_by === "black-forest-labs")).toBe(true);
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
