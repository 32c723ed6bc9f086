import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eDataDir } from "../playwright.config";

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  return nested.flat();
}

test("the client bundle carries no secrets", async () => {
  const secret = (await readFile(path.join(e2eDataDir, "auth-secret"), "utf8")).trim();
  const forbidden = [/sk_(live|test)_[0-9A-Za-z]/, /whsec_[0-9A-Za-z]/, /postgres(ql)?:\/\/[^"'\s]*@/, /lg_(live|test)_[0-9A-Za-z]{38}/];
  const bundle = await files(".next/static");
  expect(bundle.length).toBeGreaterThan(10);
  for (const file of bundle) {
    const text = await readFile(file, "utf8");
    for (const pattern of forbidden) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
    expect(text.includes(secret), `${file} contains the session secret`).toBe(false);
  }
});
