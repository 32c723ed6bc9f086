import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { featuredVariants, getVariants, listCatalogProviders, listVariants, resolveVariant } from "./queries";
import { seedCatalog } from "./seed";
import { catalogSource } from "./source";
import type { CatalogSource, SourceVariant } from "./source-schema";

// The global setup has already seeded this database once.

async function dumpCatalog() {
  return {
    providers: await db.provider.findMany({ orderBy: { slug: "asc" } }),
    families: await db.modelFamily.findMany({ orderBy: { slug: "asc" } }),
    variants: await db.variant.findMany({ orderBy: { slug: "asc" } }),
    aliases: await db.variantAlias.findMany({ orderBy: { alias: "asc" } }),
    routes: await db.route.findMany({ orderBy: { id: "asc" } }),
  };
}

const sourceSlugs = (keep: (v: SourceVariant) => boolean) =>
  catalogSource.variants.filter(keep).map((v) => v.slug);
const slugsOf = (views: { slug: string }[]) => views.map((v) => v.slug);
const aliasCount = catalogSource.variants.reduce((n, v) => n + v.aliases.length, 0);

describe("seedCatalog", () => {
  it("writes nothing when run again: every row of all five tables stays identical", async () => {
    const before = await dumpCatalog();
    expect(await seedCatalog(db)).toEqual({ providers: 6, variants: catalogSource.variants.length, aliases: aliasCount });
    expect(await dumpCatalog()).toEqual(before);
    await seedCatalog(db);
    expect(await dumpCatalog()).toEqual(before);
  });

  it("stores the source exactly, with money as bigint", async () => {
    const dump = await dumpCatalog();
    expect(dump.providers.map((p) => [p.slug, p.isUpstream])).toEqual([
      ["black-forest-labs", true],
      ["fal", true],
      ["ideogram", false],
      ["openai", true],
      ["qwen", false],
      ["replicate", true],
    ]);
    expect(dump.variants.map((v) => v.slug)).toEqual(sourceSlugs(() => true).sort());
    expect(dump.aliases).toHaveLength(aliasCount);

    const flex = await db.variant.findUniqueOrThrow({ where: { slug: "flux-2-flex-text-to-image-2k" } });
    expect(flex).toMatchObject({
      priceMicros: 168_000n,
      referencePriceMicros: 180_000n,
      referenceSource: "fal.ai",
      releaseDate: new Date("2025-11-25T00:00:00.000Z"),
      status: "operational",
      sortOrder: 0,
    });
    expect(await db.route.findMany({ where: { variantSlug: flex.slug }, orderBy: { priority: "asc" } })).toEqual([
      { id: "rt_flux-2-flex-text-to-image-2k_black-forest-labs", variantSlug: flex.slug, providerSlug: "black-forest-labs", upstreamModel: "flux-2-flex", priority: 1, upstreamCostMicros: 180_000n },
      { id: "rt_flux-2-flex-text-to-image-2k_fal", variantSlug: flex.slug, providerSlug: "fal", upstreamModel: "fal-ai/flux-2-flex", priority: 2, upstreamCostMicros: 180_000n },
      { id: "rt_flux-2-flex-text-to-image-2k_replicate", variantSlug: flex.slug, providerSlug: "replicate", upstreamModel: "black-forest-labs/flux-2-flex", priority: 3, upstreamCostMicros: 180_000n },
    ]);
  });

  it("rejects an invalid source and writes nothing", async () => {
    const before = await dumpCatalog();
    const bad = structuredClone(catalogSource);
    bad.variants[1]!.aliases.push("flux-2-flex");
    await expect(seedCatalog(db, bad)).rejects.toThrow(/alias flux-2-flex names two variants/);
    expect(await dumpCatalog()).toEqual(before);
  });
});

describe("resolveVariant", () => {
  it("resolves every canonical slug and every alias in the source", async () => {
    for (const v of catalogSource.variants) {
      expect(await resolveVariant(v.slug), v.slug).toMatchObject({ variant: { slug: v.slug }, isAlias: false });
      for (const alias of v.aliases) {
        expect(await resolveVariant(alias), alias).toMatchObject({ variant: { slug: v.slug }, isAlias: true });
      }
    }
  });

  it.each([
    ["flux-2-flex", "flux-2-flex-text-to-image-2k"],
    ["black-forest-labs/flux-2-flex", "flux-2-flex-text-to-image-2k"],
    ["flux-2-flex-text-to-image", "flux-2-flex-text-to-image-2k"],
    ["black-forest-labs-black-forest-labs-flux-2-flex-text-to-image-1-0s-2k", "flux-2-flex-text-to-image-2k"],
    ["black-forest-labs-black-forest-labs-flux1-kontext-text-to-image-pro", "flux-kontext-pro-text-to-image"],
    ["fal-ai/flux-2-flex/edit", "flux-2-flex-image-to-image-2k"],
    ["fal-ai/flux-2-pro", "flux-2-pro-text-to-image-1k"],
    ["openai/gpt-image-1.5", "gpt-image-1.5-text-to-image-high"],
    [" FLUX-2-FLEX ", "flux-2-flex-text-to-image-2k"],
    ["models/Black-Forest-Labs/Flux-2-Flex", "flux-2-flex-text-to-image-2k"],
  ])("%j -> %s", async (input, slug) => {
    expect((await resolveVariant(input))?.variant.slug).toBe(slug);
  });

  it.each(["no-such-model", "", "  ", "models/"])("%j resolves to nothing", async (input) => {
    expect(await resolveVariant(input)).toBeNull();
  });

  it("maps a row to the view pages and the API see", async () => {
    const found = await resolveVariant("flux-2-flex");
    const source = catalogSource.variants[0]!;
    expect(found).toEqual({
      isAlias: true,
      variant: {
        slug: "flux-2-flex-text-to-image-2k",
        displayName: "FLUX.2 [flex] · text-to-image · 2K",
        aliases: [...source.aliases].sort(),
        provider: { slug: "black-forest-labs", name: "Black Forest Labs" },
        family: { slug: "flux-2-flex", name: "FLUX.2 [flex]" },
        modality: "image",
        task: "text_to_image",
        resolutionTier: "2K",
        priceMicros: 168_000,
        priceCredits: 24,
        referencePriceMicros: 180_000,
        referenceSource: "fal.ai",
        upstreamCostMicros: 180_000,
        parameters: source.parameters,
        status: "operational",
        releaseDate: "2025-11-25",
        description: source.description,
        useCases: source.useCases,
        relatedSlugs: source.relatedSlugs,
        featured: true,
      },
    });
  });
});

describe("listVariants", () => {
  const featuredFirst = [...sourceSlugs((v) => v.featured), ...sourceSlugs((v) => !v.featured)];

  it("lists everything, featured first, then in source order", async () => {
    expect(slugsOf(await listVariants({}))).toEqual(featuredFirst);
    expect(slugsOf(await listVariants({ sort: "featured" }))).toEqual(featuredFirst);
  });

  it.each<[string, Parameters<typeof listVariants>[0], string[]]>([
    ["q flex", { q: "flex" }, ["flux-2-flex-text-to-image-2k", "flux-2-flex-text-to-image-1k", "flux-2-flex-image-to-image-2k", "flux-2-flex-image-to-image-1k"]],
    ["q FLEX 2k", { q: "FLEX 2k" }, ["flux-2-flex-text-to-image-2k", "flux-2-flex-image-to-image-2k"]],
    ["q FLUX.2 max", { q: "FLUX.2 max" }, sourceSlugs((v) => v.familySlug === "flux-2-max")],
    ["q by alias", { q: "black-forest-labs/flux-2-pro" }, ["flux-2-pro-text-to-image-1k"]],
    ["q by provider name", { q: "openai" }, ["gpt-image-1.5-text-to-image-high", "gpt-image-1.5-image-to-image-high"]],
    ["q by family name", { q: "kontext" }, ["flux-kontext-pro-text-to-image", "flux-kontext-max-text-to-image", "flux-kontext-pro-edit", "flux-kontext-max-edit"]],
    ["q matching nothing", { q: "midjourney" }, []],
    ["q with LIKE wildcards, matched literally", { q: "% _" }, []],
    ["q with a backslash", { q: "\\" }, []],
    ["q with a dot, matched literally", { q: "gpt-image-1.5-image" }, ["gpt-image-1.5-image-to-image-high"]],
    ["task text_to_image", { task: "text_to_image" }, featuredFirst.filter((s) => sourceSlugs((v) => v.task === "text_to_image").includes(s))],
    ["task edit", { task: "edit" }, ["flux-kontext-pro-edit", "flux-kontext-max-edit"]],
    ["provider openai", { provider: "openai" }, ["gpt-image-1.5-text-to-image-high", "gpt-image-1.5-image-to-image-high"]],
    ["provider qwen", { provider: "qwen" }, ["qwen-image-text-to-image", "qwen-image-image-to-image"]],
    ["an upstream-only provider", { provider: "fal" }, []],
    ["modality video", { modality: "video" }, []],
    [
      "price 35000..49000 inclusive",
      { minPriceMicros: 35_000, maxPriceMicros: 49_000 },
      ["flux-2-pro-text-to-image-1k", "flux-kontext-pro-text-to-image", "flux-2-pro-text-to-image-2k", "flux-2-pro-image-to-image-1k", "flux-2-pro-image-to-image-2k", "flux-kontext-pro-edit", "flux-1.1-pro-text-to-image", "qwen-image-image-to-image"],
    ],
    ["price below 30000", { maxPriceMicros: 29_999 }, ["qwen-image-text-to-image"]],
    ["price from 300000", { minPriceMicros: 300_000 }, ["gpt-image-1.5-image-to-image-high"]],
    ["filters combined", { q: "flux", task: "image_to_image", provider: "black-forest-labs", maxPriceMicros: 49_000 }, ["flux-2-pro-image-to-image-1k", "flux-2-pro-image-to-image-2k"]],
  ])("%s", async (_, filters, expected) => {
    expect(slugsOf(await listVariants(filters))).toEqual(expected);
  });

  it("sorts by price both ways, ties in source order", async () => {
    const byPrice = [...catalogSource.variants].sort((a, b) => a.priceMicros - b.priceMicros);
    const asc = await listVariants({ sort: "price-asc" });
    expect(slugsOf(asc)).toEqual(byPrice.map((v) => v.slug));
    expect(asc[0]).toMatchObject({ slug: "qwen-image-text-to-image", priceMicros: 28_000 });
    const desc = await listVariants({ sort: "price-desc" });
    expect(slugsOf(desc)).toEqual(
      [...catalogSource.variants].sort((a, b) => b.priceMicros - a.priceMicros).map((v) => v.slug),
    );
    expect(desc[0]).toMatchObject({ slug: "gpt-image-1.5-image-to-image-high", priceMicros: 301_000 });
  });

  it("sorts by name and by release date", async () => {
    const byName = (await listVariants({ sort: "name" })).map((v) => v.displayName);
    expect(byName.slice(0, 2)).toEqual(["FLUX.1 Kontext [max] · edit", "FLUX.1 Kontext [max] · text-to-image"]);
    expect(byName.at(-1)).toBe("Qwen Image · text-to-image");
    const newest = await listVariants({ sort: "newest" });
    const dates = newest.map((v) => v.releaseDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(newest[0]?.releaseDate).toBe("2025-12-16");
    expect(newest.at(-1)?.slug).toBe("flux-1.1-pro-text-to-image");
  });
});

describe("other queries", () => {
  it("featuredVariants keeps source order and honours the limit", async () => {
    const featured = sourceSlugs((v) => v.featured);
    expect(slugsOf(await featuredVariants())).toEqual(featured);
    expect(slugsOf(await featuredVariants(2))).toEqual(featured.slice(0, 2));
  });

  it("getVariants keeps the order asked for and skips unknown slugs", async () => {
    const slugs = ["qwen-image-text-to-image", "nope", "flux-2-pro-text-to-image-1k", "qwen-image-text-to-image"];
    expect(slugsOf(await getVariants(slugs))).toEqual(["qwen-image-text-to-image", "flux-2-pro-text-to-image-1k"]);
    expect(await getVariants([])).toEqual([]);
  });

  it("listCatalogProviders lists brands with their listed variants", async () => {
    expect(await listCatalogProviders()).toEqual([
      { slug: "black-forest-labs", name: "Black Forest Labs", variantCount: 18 },
      { slug: "ideogram", name: "Ideogram", variantCount: 1 },
      { slug: "openai", name: "OpenAI", variantCount: 2 },
      { slug: "qwen", name: "Qwen (Alibaba)", variantCount: 2 },
    ]);
  });
});

// Runs last: it adds a variant of its own, so the real catalog is never disturbed.
describe("a variant that leaves the source", () => {
  const template = catalogSource.variants.find((v) => v.slug === "flux-2-flex-text-to-image-1k")!;
  const extra: SourceVariant = {
    ...structuredClone(template),
    slug: "flux-2-flex-text-to-image-test",
    displayName: "FLUX.2 [flex] · text-to-image · Test",
    resolutionTier: "Test",
    featured: false,
    relatedSlugs: [],
    aliases: ["flux-2-flex-test-a", "flux-2-flex-test-b"],
  };
  const withExtra = (v: SourceVariant): CatalogSource => ({ ...catalogSource, variants: [...catalogSource.variants, v] });

  it("is disabled, never deleted, still resolves, and has its aliases and routes replaced while listed", async () => {
    try {
      await seedCatalog(db, withExtra(extra));
      expect(slugsOf(await listVariants({ q: "flux-2-flex-test-a" }))).toEqual([extra.slug]);

      const changed = {
        ...extra,
        aliases: ["flux-2-flex-test-b", "flux-2-flex-test-c"],
        routes: [{ ...extra.routes[1]!, priority: 1, upstreamCostMicros: 61_000 }],
      };
      await seedCatalog(db, withExtra(changed));
      expect(await db.variantAlias.findMany({ where: { variantSlug: extra.slug }, orderBy: { alias: "asc" } })).toEqual([
        { alias: "flux-2-flex-test-b", variantSlug: extra.slug },
        { alias: "flux-2-flex-test-c", variantSlug: extra.slug },
      ]);
      expect(await db.route.findMany({ where: { variantSlug: extra.slug } })).toEqual([
        { id: `rt_${extra.slug}_fal`, variantSlug: extra.slug, providerSlug: "fal", upstreamModel: "fal-ai/flux-2-flex", priority: 1, upstreamCostMicros: 61_000n },
      ]);

      await seedCatalog(db);
      const row = await db.variant.findUniqueOrThrow({ where: { slug: extra.slug } });
      expect(row.status).toBe("disabled");
      expect(await resolveVariant("FLUX-2-FLEX-TEST-C")).toMatchObject({
        variant: { slug: extra.slug, status: "disabled" },
        isAlias: true,
      });
      expect(await listVariants({ q: "flux-2-flex-test" })).toEqual([]);
      expect(await listCatalogProviders()).toContainEqual({ slug: "black-forest-labs", name: "Black Forest Labs", variantCount: 18 });

      const disabledDump = await dumpCatalog();
      await seedCatalog(db);
      expect(await dumpCatalog()).toEqual(disabledDump);

      await seedCatalog(db, withExtra(changed));
      expect((await resolveVariant(extra.slug))?.variant.status).toBe("operational");
    } finally {
      await db.variant.deleteMany({ where: { slug: extra.slug } });
    }
  });
});
