import { Webhook } from "standardwebhooks";
import { newSigningSecret } from "@/lib/webhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, type ReplayServer, startReplayServer } from "./fixtures/replay-server";
import { fetchReplicateWebhookSecret, replicateAdapter } from "./replicate";
import { type Endpoint, UpstreamError, type WebhookRequest } from "./types";

const SECRET = newSigningSecret();
const OTHER_SECRET = newSigningSecret();
const ID = "ufawqhfynnddngldkgtslldrkq";

let server: ReplayServer;
let endpoint: Endpoint;
beforeAll(async () => {
  server = await startReplayServer();
  endpoint = { baseUrl: `${server.url}/v1`, credential: "r8_token" };
});
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(() => new Error("expected a rejection"), (e: unknown) => e);
  if (!(error instanceof UpstreamError)) throw error;
  return error;
}

/** A prediction as Replicate posts it: the fixture's body with the server URL filled in. */
function prediction(name: string): string {
  return JSON.stringify(fixture(`replicate/${name}`).body).replaceAll("{{base}}", "https://api.replicate.com");
}

function signed(body: string, options: { secret?: string; at?: Date } = {}): WebhookRequest {
  const id = "msg_2Lh9KXXoFeGJnXb8wM3e";
  const at = options.at ?? new Date();
  const signature = new Webhook(options.secret ?? SECRET).sign(id, at, body);
  return {
    headers: new Headers({
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    }),
    rawBody: Buffer.from(body),
  };
}

describe("replicate verifyWebhook", () => {
  it("accepts a Standard Webhooks signature and maps the completed prediction", async () => {
    expect(await replicateAdapter.verifyWebhook(endpoint, signed(prediction("prediction-succeeded")), SECRET)).toEqual({
      upstreamId: ID,
      status: { state: "succeeded", images: [{ url: "https://replicate.delivery/xezq/Ab3dE/output.webp" }] },
    });
  });

  it.each([
    ["prediction-failed", { state: "failed", reason: "generation_failed", message: "Prediction failed: CUDA error: an illegal memory access was encountered" }],
    ["prediction-canceled", { state: "failed", reason: "canceled", message: "replicate prediction was canceled" }],
  ])("maps %s", async (name, status) => {
    expect(await replicateAdapter.verifyWebhook(endpoint, signed(prediction(name)), SECRET)).toEqual({ upstreamId: ID, status });
  });

  it.each(["prediction-starting", "prediction-processing"])("%s carries no outcome", async (name) => {
    expect(await replicateAdapter.verifyWebhook(endpoint, signed(prediction(name)), SECRET)).toBeNull();
  });

  it.each<[string, () => WebhookRequest, string | undefined]>([
    [
      "a tampered body",
      () => {
        const request = signed(prediction("prediction-succeeded"));
        return { ...request, rawBody: Buffer.from(prediction("prediction-succeeded").replace("output.webp", "evil.webp")) };
      },
      SECRET,
    ],
    ["the wrong secret", () => signed(prediction("prediction-succeeded"), { secret: OTHER_SECRET }), SECRET],
    ["a stale timestamp", () => signed(prediction("prediction-succeeded"), { at: new Date(Date.now() - 600_000) }), SECRET],
    [
      "missing headers",
      () => {
        const request = signed(prediction("prediction-succeeded"));
        request.headers.delete("webhook-id");
        return request;
      },
      SECRET,
    ],
    ["no secret", () => signed(prediction("prediction-succeeded")), undefined],
    ["a secret that is not base64", () => signed(prediction("prediction-succeeded")), "whsec_***"],
  ])("rejects %s", async (_, build, secret) => {
    expect((await failure(replicateAdapter.verifyWebhook(endpoint, build(), secret))).kind).toBe("rejected");
  });
});

describe("fetchReplicateWebhookSecret", () => {
  it("reads the account's signing key", async () => {
    server.route("GET /v1/webhooks/default/secret", { status: 200, body: { key: SECRET } });
    expect(await fetchReplicateWebhookSecret(endpoint)).toBe(SECRET);
    expect(server.sole("GET /v1/webhooks/default/secret").headers.authorization).toBe("Bearer r8_token");
  });

  it("maps a refused token to auth", async () => {
    server.route("GET /v1/webhooks/default/secret", { status: 401, body: { detail: "Invalid token", status: 401 } });
    expect((await failure(fetchReplicateWebhookSecret(endpoint))).kind).toBe("auth");
  });
});
