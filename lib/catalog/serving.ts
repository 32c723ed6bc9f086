import "server-only";
import { db } from "@/lib/db";
import { anyRealUpstream, isRealUpstreamConfigured } from "@/lib/providers/endpoints";
import type { VariantView } from "./types";

/**
 * What a status badge may honestly claim: `operational` only when a real upstream with a
 * configured credential serves the variant and has been answering; `simulated` when only the
 * built-in simulator does.
 */
export type ServingStatus = "operational" | "simulated" | "degraded" | "maintenance" | "disabled";

/** How far back an upstream's live attempts count towards its health. */
export const HEALTH_WINDOW_MS = 15 * 60_000;
/** Fewer attempts than this say too little to call an upstream unhealthy. */
const MIN_ATTEMPTS = 5;

type Health = { attempts: number; refused: number };

function isHealthy(health: Health | undefined): boolean {
  return !health || health.attempts < MIN_ATTEMPTS || health.refused * 2 <= health.attempts;
}

/**
 * Attempts and refusals per upstream over the window ending at `now`, in one grouped query. A
 * refused input (`rejected`) or an account's own refused key says nothing about the upstream's
 * health, and a skip of an open circuit is not a call; nor do simulator attempts (test keys, demo
 * mode) count.
 */
async function upstreamHealth(providerSlugs: string[], now: Date): Promise<Map<string, Health>> {
  const health = new Map<string, Health>();
  if (providerSlugs.length === 0) return health;
  const groups = await db.taskAttempt.groupBy({
    by: ["providerSlug", "outcome"],
    where: {
      providerSlug: { in: providerSlugs },
      simulated: false,
      outcome: { notIn: ["rejected", "circuit_open", "account_key_refused"] },
      createdAt: { gt: new Date(now.getTime() - HEALTH_WINDOW_MS), lte: now },
    },
    _count: { _all: true },
  });
  for (const g of groups) {
    const h = health.get(g.providerSlug) ?? { attempts: 0, refused: 0 };
    h.attempts += g._count._all;
    if (g.outcome !== "accepted") h.refused += g._count._all;
    health.set(g.providerSlug, h);
  }
  return health;
}

/**
 * The serving status of each variant, keyed by slug: at most two queries however many variants
 * (none in demo mode), so a page computes it once for everything it shows. A variant's own
 * maintenance or disabled status wins.
 */
export async function servingStatus(
  variants: readonly Pick<VariantView, "slug" | "status">[],
  now: Date = new Date(),
): Promise<Map<string, ServingStatus>> {
  const statuses = new Map<string, ServingStatus>();
  const running = variants.filter((v) => v.status === "operational").map((v) => v.slug);
  for (const v of variants) if (v.status !== "operational") statuses.set(v.slug, v.status);
  if (running.length === 0) return statuses;
  if (!anyRealUpstream()) {
    for (const slug of running) statuses.set(slug, "simulated");
    return statuses;
  }

  const routes = await db.route.findMany({
    where: { variantSlug: { in: running } },
    orderBy: { priority: "asc" },
    select: { variantSlug: true, providerSlug: true },
  });
  const real = [...new Set(routes.map((r) => r.providerSlug))].filter(isRealUpstreamConfigured);
  const health = await upstreamHealth(real, now);

  for (const slug of running) {
    const upstreams = routes.filter((r) => r.variantSlug === slug && real.includes(r.providerSlug));
    if (upstreams.length === 0) statuses.set(slug, "simulated");
    else statuses.set(slug, upstreams.some((r) => isHealthy(health.get(r.providerSlug))) ? "operational" : "degraded");
  }
  return statuses;
}
