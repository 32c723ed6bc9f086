import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { catalogSource } from "./source";
import { catalogSourceSchema, type CatalogSource, type SourceVariant } from "./source-schema";

type Tx = Prisma.TransactionClient;

export type SeedResult = { providers: number; variants: number; aliases: number };

/**
 * Writes the catalog source to the database in one transaction. Idempotent: rows that already
 * match are not written (so `updatedAt` stays put), each seeded variant's aliases and routes are
 * made to match the source, and variants missing from the source are disabled, never deleted,
 * because tasks and links may still name them.
 */
export async function seedCatalog(db: PrismaClient, source: CatalogSource = catalogSource): Promise<SeedResult> {
  const parsed = catalogSourceSchema.safeParse(source);
  if (!parsed.success) throw new Error(`The catalog source is invalid:\n${z.prettifyError(parsed.error)}`);
  const { providers, families, variants } = parsed.data;

  await db.$transaction(
    async (tx) => {
      for (const p of providers) await tx.provider.upsert({ where: { slug: p.slug }, create: p, update: p });
      for (const f of families) await tx.modelFamily.upsert({ where: { slug: f.slug }, create: f, update: f });
      await syncVariants(tx, variants);
      await syncAliases(tx, variants);
      await syncRoutes(tx, variants);
    },
    { maxWait: 10_000, timeout: 60_000 },
  );

  return {
    providers: providers.length,
    variants: variants.length,
    aliases: variants.reduce((n, v) => n + v.aliases.length, 0),
  };
}

/** JSON with object keys sorted, bigints as strings: equal values give equal strings. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (typeof v === "bigint") return v.toString();
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

function variantRow(v: SourceVariant, sortOrder: number) {
  return {
    slug: v.slug,
    familySlug: v.familySlug,
    displayName: v.displayName,
    modality: v.modality,
    task: v.task,
    resolutionTier: v.resolutionTier,
    priceMicros: BigInt(v.priceMicros),
    referencePriceMicros: v.referencePriceMicros === null ? null : BigInt(v.referencePriceMicros),
    referenceSource: v.referenceSource,
    parameters: v.parameters,
    status: "operational" as const,
    releaseDate: new Date(`${v.releaseDate}T00:00:00.000Z`),
    description: v.description,
    useCases: v.useCases,
    relatedSlugs: v.relatedSlugs,
    featured: v.featured,
    sortOrder,
  } satisfies Prisma.VariantUncheckedCreateInput;
}

type VariantRowData = ReturnType<typeof variantRow>;

function sameVariant(current: Record<keyof VariantRowData, unknown>, next: VariantRowData): boolean {
  const keys = Object.keys(next) as (keyof VariantRowData)[];
  return canonicalJson(keys.map((k) => current[k])) === canonicalJson(keys.map((k) => next[k]));
}

async function syncVariants(tx: Tx, variants: SourceVariant[]): Promise<void> {
  const existing = new Map((await tx.variant.findMany()).map((v) => [v.slug, v]));
  for (const [sortOrder, v] of variants.entries()) {
    const data = variantRow(v, sortOrder);
    const current = existing.get(v.slug);
    if (!current) await tx.variant.create({ data });
    else if (!sameVariant(current, data)) await tx.variant.update({ where: { slug: v.slug }, data });
  }
  await tx.variant.updateMany({
    where: { slug: { notIn: variants.map((v) => v.slug) }, status: { not: "disabled" } },
    data: { status: "disabled" },
  });
}

async function syncAliases(tx: Tx, variants: SourceVariant[]): Promise<void> {
  const seeded = new Set(variants.map((v) => v.slug));
  const wanted = new Map(variants.flatMap((v) => v.aliases.map((a) => [a, v.slug] as const)));
  // The source cannot see variants it no longer lists, so a clash with one is only visible here.
  const clashes = await tx.variant.findMany({ where: { slug: { in: [...wanted.keys()] } }, select: { slug: true } });
  if (clashes.length > 0) {
    throw new Error(`Aliases equal to a disabled variant's slug: ${clashes.map((c) => c.slug).join(", ")}`);
  }
  const existing = await tx.variantAlias.findMany();

  // Aliases of variants gone from the source stay, so old links keep resolving, unless the source
  // now uses that name itself.
  const stale = existing.filter(
    (a) => seeded.has(a.alias) || (seeded.has(a.variantSlug) && !wanted.has(a.alias)),
  );
  if (stale.length > 0) {
    await tx.variantAlias.deleteMany({ where: { alias: { in: stale.map((a) => a.alias) } } });
  }
  for (const a of existing) {
    const target = wanted.get(a.alias);
    if (target !== undefined && target !== a.variantSlug) {
      await tx.variantAlias.update({ where: { alias: a.alias }, data: { variantSlug: target } });
    }
  }

  const present = new Set(existing.map((a) => a.alias));
  const missing = [...wanted].filter(([alias]) => !present.has(alias));
  if (missing.length > 0) {
    await tx.variantAlias.createMany({ data: missing.map(([alias, variantSlug]) => ({ alias, variantSlug })) });
  }

}

function routeId(variantSlug: string, providerSlug: string): string {
  return `rt_${variantSlug}_${providerSlug}`;
}

async function syncRoutes(tx: Tx, variants: SourceVariant[]): Promise<void> {
  const wanted = variants.flatMap((v) =>
    v.routes.map((r) => ({
      id: routeId(v.slug, r.providerSlug),
      variantSlug: v.slug,
      providerSlug: r.providerSlug,
      upstreamModel: r.upstreamModel,
      priority: r.priority,
      upstreamCostMicros: BigInt(r.upstreamCostMicros),
    })),
  );
  const seeded = variants.map((v) => v.slug);
  await tx.route.deleteMany({
    where: { variantSlug: { in: seeded }, id: { notIn: wanted.map((r) => r.id) } },
  });
  const existing = new Map(
    (await tx.route.findMany({ where: { variantSlug: { in: seeded } } })).map((r) => [r.id, r]),
  );
  const missing = wanted.filter((r) => !existing.has(r.id));
  if (missing.length > 0) await tx.route.createMany({ data: missing });
  for (const r of wanted) {
    const current = existing.get(r.id);
    if (current && canonicalJson(current) !== canonicalJson(r)) {
      await tx.route.update({ where: { id: r.id }, data: r });
    }
  }
}
