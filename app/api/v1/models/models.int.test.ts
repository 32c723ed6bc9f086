import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { GET as getHealth } from "@/app/api/health/route";
import { GET as unknownEndpoint } from "@/app/api/v1/[...path]/route";
import { GET as getModel } from "./[...id]/route";
import { GET as listModels } from "./route";

const base = "http://localhost/api/v1";

async function list(query = "") {
  const res = await listModels(new Request(`${base}/models${query}`), { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

async function get(id: string) {
  const segments = id.split("/").map(encodeURIComponent);
  const res = await getModel(new Request(`${base}/models/${segments.join("/")}`), {
    params: Promise.resolve({ id: segments }),
  });
  return { status: res.status, body: await res.json() };
}

/** Segments exactly as Next hands them over: still percent-encoded. */
async function getRaw(segments: string[]) {
  const res = await getModel(new Request(`${base}/models/${segments.join("/")}`), { params: Promise.resolve({ id: segments }) });
  return { status: res.status, body: await res.json() };
}

type ModelObject = { id: string; object: string; owned_by: string; created: number; modality: string; task: string };

describe("GET /api/v1/models", () => {
  it("lists the catalog in the OpenAI list shape, with prices", async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.object).toBe("list");
    expect(body.data.length).toBeGreaterThanOrEqual(15);
    const flex = body.data.find((m: ModelObject) => m.id === "flux-2-flex-text-to-image-2k");
    expect(flex).toMatchObject({
      object: "model",
      owned_by: "black-forest-labs",
      modality: "image",
      task: "text_to_image",
      pricing: { price_micros: 168000, credits: 24, reference: { price_micros: 180000, source: "fal.ai" } },
    });
    expect(Number.isInteger(flex.created)).toBe(true);
    expect(flex.parameters.find((p: { name: string }) => p.name === "steps")).toMatchObject({ min: 1, max: 50 });
  });

  it.each([
    ["?modality=image", (m: ModelObject) => m.modality === "image"],
    ["?provider=openai", (m: ModelObject) => m.owned_by === "openai"],
    ["?provider=black-forest-labs&task=image_to_image", (m: ModelObject) => m.owned_by === "black-forest-labs" && m.task === "image_to_image"],
  ])("filters %s", async (query, predicate) => {
    const { status, body } = await list(query);
    expect(status).toBe(200);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every(predicate)).toBe(true);
  });

  it("returns an empty list for a modality with no models", async () => {
    expect((await list("?modality=video")).body).toEqual({ object: "list", data: [] });
  });

  it.each([
    ["?modality=smell", "modality"],
    ["?task=dance", "task"],
    ["?colour=red", ""],
  ])("rejects %s with 422 in the OpenAI error envelope", async (query, param) => {
    const { status, body } = await list(query);
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ type: "invalid_request_error", code: "validation_error" });
    if (param) expect(body.error.param).toBe(param);
  });
});

describe("GET /api/v1/models/{id}", () => {
  it.each([
    "flux-2-flex-text-to-image-2k",
    "black-forest-labs-black-forest-labs-flux-2-flex-text-to-image-1-0s-2k",
    "black-forest-labs/flux-2-flex",
    "flux-2-flex-text-to-image",
    "flux-2-flex",
    "FLUX-2-FLEX",
  ])("resolves %s to the canonical model", async (id) => {
    const { status, body } = await get(id);
    expect(status).toBe(200);
    expect(body.id).toBe("flux-2-flex-text-to-image-2k");
    expect(body.pricing.price_micros).toBe(168000);
  });

  it("answers an unknown model with 404 in the OpenAI error envelope", async () => {
    const { status, body } = await get("no-such-model");
    expect(status).toBe(404);
    expect(body).toEqual({
      error: {
        message: expect.stringContaining("no-such-model"),
        type: "not_found",
        param: "model",
        code: "not_found",
        doc_url: "http://localhost/docs/errors#not_found",
      },
    });
  });
});

describe("other routes", () => {
  it.each([
    ["a NUL in the provider filter", () => list("?provider=%00")],
    ["a NUL in the id", () => getRaw(["%00"])],
    ["a lone % in the id", () => getRaw(["%"])],
    ["a malformed escape in the id", () => getRaw(["%E0%A4%A"])],
  ])("answers %s with 400, never a 500", async (_, request) => {
    const { status, body } = await request();
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
  });

  it("an id that decodes to a lone % is simply not a model (404)", async () => {
    expect((await getRaw(["%25"])).status).toBe(404);
  });

  it("an unknown /api/v1 endpoint is a 404 in the API envelope", async () => {
    const res = await unknownEndpoint(new Request(`${base}/nothing/here`), { params: Promise.resolve({}) });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });

  it("GET /api/health tells anyone whether the database is reachable, and versions only with HEALTH_TOKEN", async () => {
    const open = await getHealth(new Request("http://localhost/api/health"));
    expect(open.status).toBe(200);
    expect(await open.json()).toEqual({ status: "ok", database: { reachable: true } });

    env.HEALTH_TOKEN = "a-health-token-for-the-test";
    try {
      const wrong = await getHealth(new Request("http://localhost/api/health", { headers: { authorization: "Bearer nope" } }));
      expect(await wrong.json()).toEqual({ status: "ok", database: { reachable: true } });
      const detailed = await getHealth(new Request("http://localhost/api/health", { headers: { authorization: "Bearer a-health-token-for-the-test" } }));
      expect(await detailed.json()).toMatchObject({
        status: "ok",
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        database: { reachable: true, serverVersion: expect.stringMatching(/^\d+/) },
      });
    } finally {
      env.HEALTH_TOKEN = undefined;
    }
  });
});
