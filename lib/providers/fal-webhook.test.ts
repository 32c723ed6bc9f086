import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { falAdapter } from "./fal";
import { closedPort, type ReplayServer, startReplayServer } from "./fixtures/replay-server";
import { type Endpoint, UpstreamError, type WebhookRequest } from "./types";

const REQUEST_ID = "764cabcf-b745-4b3e-ae38-1200304cf45b";
const USER_ID = "github|lumigate";

const signer = generateKeyPairSync("ed25519");
const other = generateKeyPairSync("ed25519");
const stranger = generateKeyPairSync("ed25519");

function jwk(key: KeyObject) {
  const { x } = key.export({ format: "jwk" });
  return { kty: "OKP", crv: "Ed25519", x, kid: createHash("sha256").update(String(x)).digest("hex").slice(0, 8) };
}

let server: ReplayServer;
let jwksCount = 0;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

/** An endpoint with its own JWKS URL, so no test sees another's cached keys. */
function endpointWith(keys: KeyObject[]): Endpoint {
  const path = `/.well-known/jwks-${++jwksCount}.json`;
  server.route(`GET ${path}`, { body: { keys: [{ kty: "RSA", n: "abc", e: "AQAB" }, ...keys.map(jwk)] } });
  return { baseUrl: server.url, credential: "fal-key-1", jwksUrl: `${server.url}${path}` };
}

function signed(body: string, options: { key?: KeyObject; timestamp?: number; requestId?: string } = {}): WebhookRequest {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const requestId = options.requestId ?? REQUEST_ID;
  const digest = createHash("sha256").update(body).digest("hex");
  const signature = sign(null, Buffer.from(`${requestId}\n${USER_ID}\n${timestamp}\n${digest}`), options.key ?? signer.privateKey);
  return {
    headers: new Headers({
      "x-fal-webhook-request-id": requestId,
      "x-fal-webhook-user-id": USER_ID,
      "x-fal-webhook-timestamp": timestamp,
      "x-fal-webhook-signature": signature.toString("hex"),
    }),
    rawBody: Buffer.from(body),
  };
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(() => new Error("expected a rejection"), (e: unknown) => e);
  if (!(error instanceof UpstreamError)) throw error;
  return error;
}

const okBody = JSON.stringify({
  request_id: REQUEST_ID,
  gateway_request_id: REQUEST_ID,
  status: "OK",
  payload: { images: [{ url: "https://v3b.fal.media/files/out.png", content_type: "image/png", width: 1024, height: 1024 }], seed: 3 },
});

describe("fal verifyWebhook", () => {
  it("accepts fal's signature and maps the result", async () => {
    const event = await falAdapter.verifyWebhook(endpointWith([signer.publicKey]), signed(okBody), undefined);
    expect(event).toEqual({
      upstreamId: REQUEST_ID,
      status: { state: "succeeded", images: [{ url: "https://v3b.fal.media/files/out.png", contentType: "image/png", width: 1024, height: 1024 }], seed: 3 },
    });
  });

  it("tries every published key", async () => {
    const event = await falAdapter.verifyWebhook(endpointWith([other.publicKey, signer.publicKey]), signed(okBody), undefined);
    expect(event?.upstreamId).toBe(REQUEST_ID);
  });

  it("fetches the JWKS once per 10 minutes per URL", async () => {
    const endpoint = endpointWith([signer.publicKey]);
    await falAdapter.verifyWebhook(endpoint, signed(okBody), undefined);
    await falAdapter.verifyWebhook(endpoint, signed(okBody), undefined);
    expect(server.requests.filter((r) => `${server.url}${r.path}` === endpoint.jwksUrl)).toHaveLength(1);
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each<[string, () => WebhookRequest]>([
    ["a tampered body", () => ({ ...signed(okBody), rawBody: Buffer.from(okBody.replace("out.png", "evil.png")) })],
    ["a stale timestamp", () => signed(okBody, { timestamp: now() - 301 })],
    ["a timestamp from the future", () => signed(okBody, { timestamp: now() + 400 })],
    ["a key fal does not publish", () => signed(okBody, { key: stranger.privateKey })],
    [
      "a signature over another request id",
      () => {
        const request = signed(okBody, { requestId: "someone-else" });
        request.headers.set("x-fal-webhook-request-id", REQUEST_ID);
        return request;
      },
    ],
    [
      "a missing header",
      () => {
        const request = signed(okBody);
        request.headers.delete("x-fal-webhook-user-id");
        return request;
      },
    ],
    [
      "a signature that is not hex",
      () => {
        const request = signed(okBody);
        request.headers.set("x-fal-webhook-signature", "z".repeat(128));
        return request;
      },
    ],
  ])("rejects %s", async (_, build) => {
    const error = await failure(falAdapter.verifyWebhook(endpointWith([signer.publicKey]), build(), undefined));
    expect(error.kind).toBe("rejected");
  });

  it("accepts a timestamp just inside ±300 s", async () => {
    const event = await falAdapter.verifyWebhook(endpointWith([signer.publicKey]), signed(okBody, { timestamp: now() - 290 }), undefined);
    expect(event?.status.state).toBe("succeeded");
  });

  it.each([
    [
      "ERROR from the content checker",
      { status: "ERROR", error: "Invalid status code: 422", payload: { detail: [{ loc: ["body", "prompt"], msg: "flagged", type: "content_policy_violation" }] } },
      { state: "failed", reason: "moderated", message: "Invalid status code: 422" },
    ],
    ["ERROR of another kind", { status: "ERROR", error: "Invalid status code: 500", payload: { detail: "boom" } }, { state: "failed", reason: "generation_failed", message: "Invalid status code: 500" }],
  ])("maps %s", async (_, fields, status) => {
    const body = JSON.stringify({ request_id: REQUEST_ID, gateway_request_id: REQUEST_ID, ...fields });
    expect(await falAdapter.verifyWebhook(endpointWith([signer.publicKey]), signed(body), undefined)).toEqual({ upstreamId: REQUEST_ID, status });
  });

  it("an OK whose payload could not be sent leaves the result to the poll", async () => {
    const body = JSON.stringify({ request_id: REQUEST_ID, status: "OK", payload: null, payload_error: "Response payload is too large" });
    expect(await falAdapter.verifyWebhook(endpointWith([signer.publicKey]), signed(body), undefined)).toBeNull();
  });

  it("an unreachable JWKS is a transport failure, not a bad signature", async () => {
    const port = await closedPort();
    const endpoint = { baseUrl: server.url, credential: "k", jwksUrl: `http://127.0.0.1:${port}/jwks.json` };
    const error = await failure(falAdapter.verifyWebhook(endpoint, signed(okBody), undefined));
    expect(error.kind).toBe("unreachable");
  });
});
