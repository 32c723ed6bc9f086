import "server-only";
import { listVariants } from "@/lib/catalog";
import { servingStatus, type ServingStatus } from "@/lib/catalog/serving";
import { readVariantStats } from "@/lib/stats";
import { overallStatus, type OverallStatus } from "./overall";

export type VariantHealth = {
  slug: string;
  name: string;
  serving: ServingStatus;
  requests: number;
  successes: number;
  medianLatencyMs: number | null;
  isSimulated: boolean;
};

export type FamilyHealth = { slug: string; name: string; requests: number; successes: number; variants: VariantHealth[] };

export type ProviderHealth = {
  slug: string;
  name: string;
  requests: number;
  successes: number;
  degradedVariants: number;
  families: FamilyHealth[];
};

export type SiteStatus = {
  overall: OverallStatus;
  /** When each variant's figures were computed (FiguresAgeNote judges their age). */
  figureDates: Date[];
  /** Every counted run was the built-in simulator's: the figures say nothing about real upstreams. */
  isAllSimulated: boolean;
  providers: ProviderHealth[];
};

function sum<T>(items: readonly T[], pick: (item: T) => number): number {
  return items.reduce((total, item) => total + pick(item), 0);
}

/** Provider > family > variant health from the stats job's figures and the serving status: three queries. */
export async function loadSiteStatus(now = new Date()): Promise<SiteStatus> {
  const variants = await listVariants();
  const [stats, serving] = await Promise.all([readVariantStats(variants.map((v) => v.slug)), servingStatus(variants, now)]);

  const providers = new Map<string, ProviderHealth>();
  for (const v of variants) {
    const figures = stats.get(v.slug);
    const health: VariantHealth = {
      slug: v.slug,
      name: v.displayName,
      serving: serving.get(v.slug) ?? v.status,
      requests: figures?.requests ?? 0,
      successes: figures?.successes ?? 0,
      medianLatencyMs: figures?.medianLatencyMs ?? null,
      isSimulated: figures?.isSimulated ?? false,
    };
    let provider = providers.get(v.provider.slug);
    if (!provider) {
      provider = { slug: v.provider.slug, name: v.provider.name, requests: 0, successes: 0, degradedVariants: 0, families: [] };
      providers.set(v.provider.slug, provider);
    }
    let family = provider.families.find((f) => f.slug === v.family.slug);
    if (!family) {
      family = { slug: v.family.slug, name: v.family.name, requests: 0, successes: 0, variants: [] };
      provider.families.push(family);
    }
    family.variants.push(health);
  }

  for (const provider of providers.values()) {
    for (const family of provider.families) {
      family.requests = sum(family.variants, (v) => v.requests);
      family.successes = sum(family.variants, (v) => v.successes);
    }
    provider.requests = sum(provider.families, (f) => f.requests);
    provider.successes = sum(provider.families, (f) => f.successes);
    provider.degradedVariants = sum(provider.families, (f) => f.variants.filter((v) => v.serving === "degraded").length);
  }

  const list = [...providers.values()];
  const ran = [...stats.values()].filter((f) => f.requests > 0);
  return {
    overall: overallStatus(list),
    figureDates: [...stats.values()].map((f) => f.computedAt),
    isAllSimulated: ran.length > 0 && ran.every((f) => f.isSimulated),
    providers: list,
  };
}
