import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE62, generateKey, hashKey, KEY_PATTERN, keyStart, parseKey, randomBase62 } from "./format";

const scanner = /lg_(live|test)_[0-9A-Za-z]{38}/;

describe("key format", () => {
  it.each(["live", "test"] as const)("issues %s keys that scanners and parseKey recognise", (mode) => {
    const key = generateKey(mode);
    expect(key).toMatch(KEY_PATTERN);
    expect(key).toMatch(scanner);
    expect(key).toHaveLength(`lg_${mode}_`.length + 38);
    expect(parseKey(key)).toEqual({ mode });
  });

  it("never issues the same key twice", () => {
    const keys = new Set(Array.from({ length: 2000 }, () => generateKey("live")));
    expect(keys.size).toBe(2000);
  });

  it("rejects every single-character typo", () => {
    const key = generateKey("live");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: key.length - 1 }),
        fc.constantFrom(...BASE62, "_", "-"),
        (index, replacement) => {
          fc.pre(key[index] !== replacement);
          const typo = key.slice(0, index) + replacement + key.slice(index + 1);
          expect(parseKey(typo)).toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("rejects swapped neighbours, a switched mode, and dropped or extra characters", () => {
    const key = generateKey("live");
    for (let i = 8; i < key.length - 1; i++) {
      if (key[i] === key[i + 1]) continue;
      const swapped = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
      expect(parseKey(swapped), `swap at ${i}`).toBeNull();
    }
    expect(parseKey(key.replace("lg_live_", "lg_test_"))).toBeNull();
    expect(parseKey(key.slice(0, -1))).toBeNull();
    expect(parseKey(`${key}A`)).toBeNull();
    expect(parseKey(` ${key}`)).toBeNull();
  });

  it.each(["", "lg_live_", "sk_live_abc", "lg_prod_" + "A".repeat(38), "lg_live_" + "!".repeat(38)])(
    "rejects %j",
    (raw) => expect(parseKey(raw)).toBeNull(),
  );

  it("draws base62 characters without bias", () => {
    const sample = randomBase62(62 * 2000);
    expect(sample).toMatch(/^[0-9A-Za-z]+$/);
    const counts = new Map<string, number>();
    for (const ch of sample) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // Chi-square, 61 degrees of freedom: 110 is past the 99.99th percentile. `byte % 62` without
    // rejection would give the first 8 characters 25% more draws and a chi-square near 800.
    const expected = sample.length / 62;
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(110);
    for (const ch of "01234567") expect(counts.get(ch)! / expected).toBeLessThan(1.15);
  });

  it("hashes with SHA-256 hex and shows only the first 12 characters", () => {
    expect(hashKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const key = generateKey("test");
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyStart(key)).toBe(key.slice(0, 12));
    expect(keyStart(key)).toMatch(/^lg_test_[0-9A-Za-z]{4}$/);
  });
});
