import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { kieSignatureHeaders, newSigningSecret, signCallback } from "./sign";

describe("signCallback", () => {
  const body = '{"taskId":"task_1","state":"success"}';
  const timestamp = new Date();

  it("signs once per secret of a roll, each verifiable on its own", () => {
    const secrets = [newSigningSecret(), newSigningSecret()];
    const headers = signCallback({ secrets, msgId: "msg_abc", timestamp, body });
    expect(headers["webhook-id"]).toBe("msg_abc");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(timestamp.getTime() / 1000)));
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=$/);
    for (const secret of secrets) expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("signs with a single secret outside a roll", () => {
    const secret = newSigningSecret();
    const headers = signCallback({ secrets: [secret], msgId: "msg_abc", timestamp, body });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(1);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it.each([
    ["another body", { body: `${body} ` }],
    ["another message id", { msgId: "msg_other" }],
    ["another timestamp", { timestamp: new Date(timestamp.getTime() + 60_000) }],
  ])("does not verify with %s", (_name, change) => {
    const secret = newSigningSecret();
    const headers = signCallback({ secrets: [secret], msgId: "msg_abc", timestamp, body });
    const tampered = { ...headers, ...("msgId" in change ? { "webhook-id": change.msgId } : {}) };
    if ("timestamp" in change && change.timestamp) tampered["webhook-timestamp"] = String(Math.floor(change.timestamp.getTime() / 1000));
    expect(() => new Webhook(secret).verify("body" in change && change.body ? change.body : body, tampered)).toThrow();
  });

  it("is rejected by receivers once ten minutes old", () => {
    const secret = newSigningSecret();
    const headers = signCallback({ secrets: [secret], msgId: "msg_abc", timestamp: new Date(Date.now() - 600_000), body });
    expect(() => new Webhook(secret).verify(body, headers)).toThrow("too old");
  });

  it("needs a secret", () => {
    expect(() => signCallback({ secrets: [], msgId: "msg_abc", timestamp, body })).toThrow();
  });
});

describe("newSigningSecret", () => {
  it("is whsec_ and the base64 of 32 random bytes", () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice("whsec_".length), "base64")).toHaveLength(32);
    expect(new Set(Array.from({ length: 200 }, newSigningSecret)).size).toBe(200);
  });
});

describe("kieSignatureHeaders", () => {
  it("matches an HMAC computed independently (openssl dgst -sha256 -hmac)", () => {
    expect(kieSignatureHeaders("task_abc", new Date(1_700_000_000_000), "kie-key-123")).toEqual({
      "X-Webhook-Timestamp": "1700000000",
      "X-Webhook-Signature": "uuXqFHV2eY0AWghyM1YiM06iBJopqVY//yJrHBdCudw=",
    });
  });

  it("changes with the task id and the key", () => {
    const at = new Date(1_700_000_000_000);
    const base = kieSignatureHeaders("task_abc", at, "kie-key-123")["X-Webhook-Signature"];
    expect(kieSignatureHeaders("task_abd", at, "kie-key-123")["X-Webhook-Signature"]).not.toBe(base);
    expect(kieSignatureHeaders("task_abc", at, "kie-key-124")["X-Webhook-Signature"]).not.toBe(base);
  });
});
