import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

export type CallbackSignatureHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

export type SignCallbackInput = {
  /** `whsec_...`, newest first; two during a roll, so receivers holding either one verify. */
  secrets: string[];
  /** Stable across retries of one message: receivers dedupe on it. */
  msgId: string;
  timestamp: Date;
  body: string;
};

/** Standard Webhooks headers; a roll is expressed as one `v1,<base64>` per secret, space separated. */
export function signCallback({ secrets, msgId, timestamp, body }: SignCallbackInput): CallbackSignatureHeaders {
  if (secrets.length === 0) throw new Error("signCallback needs at least one secret");
  const signatures = secrets.map((secret) => new Webhook(secret).sign(msgId, timestamp, body));
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}

const SECRET_BYTES = 32;

export function newSigningSecret(): string {
  return `whsec_${randomBytes(SECRET_BYTES).toString("base64")}`;
}

export type KieSignatureHeaders = {
  "X-Webhook-Timestamp": string;
  "X-Webhook-Signature": string;
};

/**
 * The kie-style compatibility headers (PROTOCOLS §4): the HMAC covers `taskId.timestamp` only, never
 * the body, so they are sent beside the Standard Webhooks headers, not instead of them.
 * The timestamp is in Unix seconds.
 */
export function kieSignatureHeaders(taskId: string, timestamp: Date, key: string): KieSignatureHeaders {
  const seconds = String(Math.floor(timestamp.getTime() / 1000));
  const signature = createHmac("sha256", key).update(`${taskId}.${seconds}`).digest("base64");
  return { "X-Webhook-Timestamp": seconds, "X-Webhook-Signature": signature };
}
