import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encryptionKey, open, seal, SecretUnreadableError, type Sealed } from "./crypto";

const key = encryptionKey(randomBytes(32));
const secret = "bfl_live_9f8e7d6c5b4a39281706";
const row = "acct_1:black-forest-labs";

const flipped = (bytes: Uint8Array<ArrayBuffer>, at = 0) => {
  const copy = new Uint8Array(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

describe("seal and open (AES-256-GCM)", () => {
  it("round-trips, with a fresh 12-byte IV each time and no plaintext in the sealed bytes", () => {
    const a = seal(secret, key, row);
    const b = seal(secret, key, row);
    expect(open(a, key, row)).toBe(secret);
    expect(open(b, key, row)).toBe(secret);
    expect(a.iv).toHaveLength(12);
    expect(a.authTag).toHaveLength(16);
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(Buffer.from(a.ciphertext).equals(Buffer.from(b.ciphertext))).toBe(false);
    expect(Buffer.from(a.ciphertext).toString("utf8")).not.toContain(secret.slice(4, 12));
    expect(a.keyId).toBe(key.id);
    expect(a.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each<[string, (s: Sealed) => Sealed]>([
    ["a flipped ciphertext bit", (s) => ({ ...s, ciphertext: flipped(s.ciphertext) })],
    ["a flipped tag bit", (s) => ({ ...s, authTag: flipped(s.authTag, 15) })],
    ["another IV", (s) => ({ ...s, iv: flipped(s.iv, 11) })],
  ])("refuses %s", (_, tamper) => {
    const sealed = tamper(seal(secret, key, row));
    expect(() => open(sealed, key, row)).toThrow(SecretUnreadableError);
  });

  it("refuses ciphertext moved onto another account's row", () => {
    expect(() => open(seal(secret, key, row), key, "acct_2:black-forest-labs")).toThrow(SecretUnreadableError);
  });

  it("refuses the wrong key, by its id and, were the id forged, by the tag", () => {
    const other = encryptionKey(randomBytes(32));
    const sealed = seal(secret, key, row);
    expect(() => open(sealed, other, row)).toThrow(/sealed under encryption key/);
    expect(() => open({ ...sealed, keyId: other.id }, other, row)).toThrow(/does not authenticate/);
  });

  it("takes 32-byte keys only", () => {
    expect(() => encryptionKey(randomBytes(16))).toThrow(/32 bytes/);
  });
});
