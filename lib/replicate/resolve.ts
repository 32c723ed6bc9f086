import "server-only";
import { getVariants } from "@/lib/catalog";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generationVariant } from "@/lib/tasks/variants";
import type { ModelChoice } from "./pick-variant";

/**
 * The catalog behind a Replicate-style `owner/name`: an alias such as black-forest-labs/flux-2-pro
 * stands for its whole family (pickVariant chooses within it); `<maker>/<catalog slug>` names one
 * variant exactly, so every catalog model has an id a Replicate client can run.
 */
export async function resolveModel(owner: string, name: string): Promise<ModelChoice> {
  const id = `${owner}/${name}`;
  const aliased = await generationVariant(id);
  if (aliased) {
    const family = await db.variant.findMany({
      where: { familySlug: aliased.variant.family.slug },
      select: { slug: true },
      orderBy: { sortOrder: "asc" },
    });
    return { id, base: aliased.variant, siblings: await getVariants(family.map((v) => v.slug)) };
  }
  const named = await generationVariant(name);
  if (named && named.variant.provider.slug === owner) return { id, base: named.variant, siblings: [] };
  throw new AppError(
    "not_found",
    `No model ${id} on this gateway. Use a Replicate id such as black-forest-labs/flux-2-pro, or <maker>/<slug> for any model GET /api/v1/models lists.`,
    { param: "model" },
  );
}
