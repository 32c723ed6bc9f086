import { describe, expect, it } from "vitest";
import { contentTypeForKey, extensionFor, isValidMediaKey, MEDIA_ID_PATTERN, newMediaId, storageKeyFor, thumbnailKeyFor } from "./keys";

describe("media ids and keys", () => {
  it("issues unguessable ids that never repeat", () => {
    const ids = Array.from({ length: 5000 }, newMediaId);
    for (const id of ids) expect(id).toMatch(MEDIA_ID_PATTERN);
    expect(new Set(ids).size).toBe(ids.length);
    const counts = new Map<string, number>();
    for (const ch of ids.join("").replaceAll("med_", "")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(36);
  });

  it("shards keys by the id's random characters", () => {
    const id = "med_abcdefghijklmnopqrstuvwx";
    expect(storageKeyFor(id, "png")).toBe("ab/cd/med_abcdefghijklmnopqrstuvwx.png");
    expect(storageKeyFor(id, "jpg")).toBe("ab/cd/med_abcdefghijklmnopqrstuvwx.jpg");
    expect(thumbnailKeyFor(id)).toBe("ab/cd/med_abcdefghijklmnopqrstuvwx.thumb.webp");
    for (const key of [storageKeyFor(id, "webp"), thumbnailKeyFor(id)]) expect(isValidMediaKey(key)).toBe(true);
  });

  it.each(["", "med_short", "med_../../../../etc/passw", "task_abcdefghijklmnopqrstuvwx", "med_ABCDEFGHIJKLMNOPQRSTUVWX"])(
    "refuses to build a key from %j",
    (id) => expect(() => storageKeyFor(id, "png")).toThrow("not a media id"),
  );

  it.each([
    ["ab/cd/med_x.png", true],
    ["00/zz/file-name_1.thumb.webp", true],
    ["ab/cd/med_x.jpg", true],
    ["../cd/med_x.png", false],
    ["ab/../med_x.png", false],
    ["ab/cd/../../../etc/passwd.png", false],
    ["ab/cd/..png", false],
    ["ab/cd/.hidden.png", false],
    ["/ab/cd/med_x.png", false],
    ["ab\\cd\\med_x.png", false],
    ["ab/cd/med_x.png/", false],
    ["ab/cd/med x.png", false],
    ["ab/cd/med_x.png\u0000", false],
    ["ab/cd/med_x.gif", false],
    ["ab/cd/med_x", false],
    ["ab/cd/ef/med_x.png", false],
    ["AB/cd/med_x.png", false],
    ["ab/cd/med_x..png", false],
    ["ab/cd/med_x.a.b.png", false],
  ])("%j is a valid key: %s", (key, valid) => {
    expect(isValidMediaKey(key)).toBe(valid);
  });

  it.each([
    ["ab/cd/med_x.png", "image/png"],
    ["ab/cd/med_x.jpg", "image/jpeg"],
    ["ab/cd/med_x.thumb.webp", "image/webp"],
  ] as const)("%s holds %s", (key, contentType) => {
    expect(contentTypeForKey(key)).toBe(contentType);
    expect(key.endsWith(`.${extensionFor(contentType)}`)).toBe(true);
  });
});
