import "server-only";
import { variantPricing } from "@/lib/billing/pricing-model";
import { db } from "@/lib/db";

export type ReferenceModel = { slug: string; name: string; priceMicros: number };

// What a top-up buys is told in images of these families, each at its cheapest text-to-image tier.
const REFERENCE_FAMILIES = ["flux-2-pro", "flux-2-flex", "gpt-image-1.5"];

/** The reference models as the catalog prices them now; a family missing from the catalog is left out. */
export async function topUpReferenceModels(): Promise<ReferenceModel[]> {
  const rows = await db.variant.findMany({
    where: { familySlug: { in: REFERENCE_FAMILIES }, task: "text_to_image", status: { not: "disabled" } },
    orderBy: [{ priceMicros: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      priceMicros: true,
      familySlug: true,
      family: { select: { name: true } },
      routes: { select: { upstreamCostMicros: true }, orderBy: { priority: "asc" }, take: 1 },
    },
  });
  // As the catalog shows it: under pass-through pricing an image costs its upstream's price.
  const priceOf = (r: (typeof rows)[number]) =>
    variantPricing({
      priceMicros: Number(r.priceMicros),
      upstreamCostMicros: r.routes[0] ? Number(r.routes[0].upstreamCostMicros) : null,
    }).baseMicros;
  return REFERENCE_FAMILIES.flatMap((family) => {
    const cheapest = rows.find((r) => r.familySlug === family);
    return cheapest ? [{ slug: cheapest.slug, name: cheapest.family.name, priceMicros: priceOf(cheapest) }] : [];
  });
}
