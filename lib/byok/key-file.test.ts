import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KEY_FILE, loadOrCreateKeyFile } from "./key-file";

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "byok-key-"));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("loadOrCreateKeyFile", () => {
  it("creates a 32-byte key with mode 0600, leaving no draft behind, and reuses it", () => {
    const dir = path.join(scratch(), "data");
    const key = loadOrCreateKeyFile(dir);
    expect(key).toHaveLength(32);
    const file = path.join(dir, KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64").equals(key)).toBe(true);
    expect(loadOrCreateKeyFile(dir).equals(key)).toBe(true);
    expect(readFileSync(file, "utf8").trim()).toBe(key.toString("base64"));
    expect(readdirSync(dir)).toEqual([KEY_FILE]);
  });

  it("reads a key another process wrote, and refuses a damaged one", () => {
    const dir = scratch();
    const theirs = Buffer.alloc(32, 7);
    writeFileSync(path.join(dir, KEY_FILE), `${theirs.toString("base64")}\n`, { mode: 0o600 });
    expect(loadOrCreateKeyFile(dir).equals(theirs)).toBe(true);
    writeFileSync(path.join(dir, KEY_FILE), "c2hvcnQ=\n");
    expect(() => loadOrCreateKeyFile(dir)).toThrow(/base64 of 32 bytes; it holds 5 bytes/);
  });
});
