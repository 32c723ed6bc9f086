import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// AES-256-GCM with a fresh 12-byte IV per secret. The additional data binds a sealed secret to its
// row (account and provider), so ciphertext copied onto another account's row does not open there.

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type Sealed = { ciphertext: Uint8Array<ArrayBuffer>; iv: Uint8Array<ArrayBuffer>; authTag: Uint8Array<ArrayBuffer>; keyId: string };

export type EncryptionKey = { key: Buffer; id: string };

export class SecretUnreadableError extends Error {}

/** The key with its fingerprint: stored beside each secret, it names the key without revealing it. */
export function encryptionKey(key: Buffer): EncryptionKey {
  if (key.length !== 32) throw new Error(`An AES-256 key is 32 bytes, got ${key.length}.`);
  return { key, id: createHash("sha256").update(key).digest("hex").slice(0, 16) };
}

const bytes = (buffer: Buffer) => new Uint8Array(buffer);

export function seal(plaintext: string, { key, id }: EncryptionKey, additionalData: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(additionalData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { ciphertext: bytes(ciphertext), iv: bytes(iv), authTag: bytes(cipher.getAuthTag()), keyId: id };
}

/** The plaintext, or SecretUnreadableError when another key sealed it or anything was altered. */
export function open(sealed: Sealed, { key, id }: EncryptionKey, additionalData: string): string {
  if (sealed.keyId !== id) {
    throw new SecretUnreadableError(`sealed under encryption key ${sealed.keyId}, and this gateway has ${id}`);
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(additionalData, "utf8"));
    decipher.setAuthTag(Buffer.from(sealed.authTag));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadableError("the sealed secret does not authenticate (altered, or another key)");
  }
}
