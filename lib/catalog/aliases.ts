// Pure: used by the seed source, its tests and the database queries alike, so that a slug
// resolves the same way everywhere.

/** Lowercased, trimmed, without a leading `models/` (as copied from model page URLs). */
export function normalizeSlug(input: string): string {
  return input.trim().toLowerCase().replace(/^\/?models\//, "");
}

/**
 * The long slug an existing catalog derives from a provider and a display name:
 * ("black-forest-labs", "Black Forest Labs Flux 2 Flex, text-to-image, 1.0s-2K") ->
 * "black-forest-labs-black-forest-labs-flux-2-flex-text-to-image-1-0s-2k".
 */
export function legacyCatalogSlug(providerSlug: string, displayName: string): string {
  const name = displayName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${providerSlug}-${name}`;
}

export type SlugMatch = { slug: string; isAlias: boolean };

/** Maps every canonical slug and alias to its variant. Collisions are the seed validator's job. */
export function buildSlugIndex(
  variants: readonly { slug: string; aliases: readonly string[] }[],
): Map<string, SlugMatch> {
  const index = new Map<string, SlugMatch>();
  for (const v of variants) {
    index.set(v.slug, { slug: v.slug, isAlias: false });
    for (const alias of v.aliases) index.set(alias, { slug: v.slug, isAlias: true });
  }
  return index;
}
