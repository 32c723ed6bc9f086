import { createHash, generateKeyPairSync, sign } from "node:crypto";

// fal signs webhooks with Ed25519 and publishes its public keys as a JWKS; the simulator makes its
// own key pair at start, so a receiver must fetch the JWKS from here to verify.

export type FalJwk = { kty: "OKP"; crv: "Ed25519"; x: string; kid: string; use: "sig"; alg: "EdDSA" };

export type FalSigner = {
  jwks(): { keys: FalJwk[] };
  /** The four X-Fal-Webhook-* headers for one delivery of `body`. */
  headers(requestId: string, userId: string, body: string): Record<string, string>;
};

const sha256Hex = (data: string) => createHash("sha256").update(data).digest("hex");

/** A stable fal-style user id for a key, as fal puts in X-Fal-Webhook-User-Id. */
export function falUserId(credential: string): string {
  return `sim-user-${sha256Hex(credential).slice(0, 12)}`;
}

export function createFalSigner(): FalSigner {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const x = publicKey.export({ format: "jwk" }).x!;
  const jwk: FalJwk = { kty: "OKP", crv: "Ed25519", x, kid: sha256Hex(x).slice(0, 16), use: "sig", alg: "EdDSA" };
  return {
    jwks: () => ({ keys: [jwk] }),
    headers(requestId, userId, body) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const message = [requestId, userId, timestamp, sha256Hex(body)].join("\n");
      return {
        "X-Fal-Webhook-Request-Id": requestId,
        "X-Fal-Webhook-User-Id": userId,
        "X-Fal-Webhook-Timestamp": timestamp,
        "X-Fal-Webhook-Signature": sign(null, Buffer.from(message), privateKey).toString("hex"),
      };
    },
  };
}
