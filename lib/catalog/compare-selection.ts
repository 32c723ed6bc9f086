/** The compare selection's rules, shared by the client store, the tray and the compare page. */
export const maxCompare = 4;
export const compareStorageKey = "lumigate.compare";
export const compareLimitMessage = `Compare takes up to ${maxCompare} models`;

/** A selected variant. The name is kept so the tray can label its chips without asking the server. */
export type CompareItem = { slug: string; name: string };

const slugPattern = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** What is stored, read defensively: another tab, an old version or a user may have written anything. */
export function parseSelection(raw: string | null): CompareItem[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const items: CompareItem[] = [];
  for (const entry of value) {
    const item = toItem(entry);
    if (item && !items.some((i) => i.slug === item.slug)) items.push(item);
    if (items.length === maxCompare) break;
  }
  return items;
}

function toItem(entry: unknown): CompareItem | null {
  if (typeof entry !== "object" || entry === null) return null;
  const { slug, name } = entry as { slug?: unknown; name?: unknown };
  if (typeof slug !== "string" || !slugPattern.test(slug)) return null;
  return { slug, name: typeof name === "string" && name.trim() !== "" ? name.slice(0, 200) : slug };
}

export type AddResult = { ok: true; items: CompareItem[] } | { ok: false; message: string };

export function addToSelection(current: readonly CompareItem[], item: CompareItem): AddResult {
  if (current.some((i) => i.slug === item.slug)) return { ok: true, items: [...current] };
  if (current.length >= maxCompare) return { ok: false, message: compareLimitMessage };
  return { ok: true, items: [...current, item] };
}

/**
 * The tokens of a `?models=a,b,c` parameter: trimmed, empty ones and repeats dropped, the first of
 * repeated parameters taken. Capped well above the limit so a hand-made URL cannot fan out into
 * hundreds of lookups, while the few past the limit can still be named as dropped.
 */
export function parseModelsParam(raw: string | string[] | undefined): string[] {
  const text = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const tokens: string[] = [];
  for (const part of text.split(",")) {
    const token = part.trim().slice(0, 200);
    if (token && !tokens.includes(token)) tokens.push(token);
    if (tokens.length === maxCompare * 2) break;
  }
  return tokens;
}

/** The compare page's URL for a selection. Slugs never contain commas, so the list stays readable. */
export function compareHref(slugs: readonly string[]): string {
  return slugs.length === 0 ? "/models/compare" : `/models/compare?models=${slugs.map(encodeURIComponent).join(",")}`;
}

export function playgroundHref(slugs: readonly string[]): string {
  return `/playground?models=${slugs.map(encodeURIComponent).join(",")}`;
}
