import { randomBytes } from "node:crypto";

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

export type IdPrefix = "usr" | "acct" | "key" | "txn" | "oauth" | "sess" | "task" | "req" | "att" | "cb" | "cba" | "cred" | "top" | "ar" | "run" | "pane" | "shr";

/** `<prefix>_` + 20 random base36 characters (~103 bits): sortable by nothing, guessable by no one. */
export function newId(prefix: IdPrefix): string {
  const bytes = randomBytes(20);
  let out = "";
  for (const byte of bytes) out += alphabet[byte % 36];
  return `${prefix}_${out}`;
}
