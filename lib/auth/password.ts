import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id (algorithm 2; the package's enum is const, which isolated modules can't import) with
// OWASP's baseline cost: 19 MiB, 2 passes, 1 lane.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. Without one (no such user, or a GitHub-only user) it
 * still verifies against a dummy hash, so the answer takes as long either way and timing does not
 * reveal which emails have accounts.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword("lumigate-dummy-password");
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
