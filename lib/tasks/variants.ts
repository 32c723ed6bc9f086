import "server-only";
import type { z } from "zod";
import { paramsToZod, resolveVariant, type VariantView } from "@/lib/catalog";
import { db } from "@/lib/db";

export type RouteView = { providerSlug: string; upstreamModel: string; priority: number; upstreamCostMicros: number };

export type GenerationVariant = {
  variant: VariantView;
  /** The variant's input validator, built once per cache entry rather than per request. */
  inputSchema: z.ZodType<Record<string, unknown>>;
  routes: RouteView[];
};

// Every createTask resolves its model, so resolutions are kept briefly. Catalog edits are rare and
// reach every instance within this TTL.
const TTL_MS = 5_000;
const MAX_ENTRIES = 2_000;

type Entry = { value: Promise<GenerationVariant | null>; expiresAt: number };
const globalForVariants = globalThis as unknown as { lumigateVariantCache?: Map<string, Entry> };
const cache = (globalForVariants.lumigateVariantCache ??= new Map());

async function load(model: string): Promise<GenerationVariant | null> {
  const found = await resolveVariant(model);
  if (!found) return null;
  const routes = await db.route.findMany({
    where: { variantSlug: found.variant.slug },
    orderBy: { priority: "asc" },
    select: { providerSlug: true, upstreamModel: true, priority: true, upstreamCostMicros: true },
  });
  return {
    variant: found.variant,
    inputSchema: paramsToZod(found.variant.parameters),
    routes: routes.map((r) => ({ ...r, upstreamCostMicros: Number(r.upstreamCostMicros) })),
  };
}

/** The variant a model name (slug or alias) names, with its routes by priority; null if none. */
export function generationVariant(model: string, now = Date.now()): Promise<GenerationVariant | null> {
  const key = model.trim().toLowerCase();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now) return hit.value;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const entry: Entry = { value: load(key), expiresAt: now + TTL_MS };
  cache.set(key, entry);
  entry.value.catch(() => cache.delete(key));
  return entry.value;
}

export function forgetVariants(): void {
  cache.clear();
}
