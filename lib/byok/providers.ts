// The upstreams an account can bring its own credential for: every upstream the gateway speaks.
// Plain data, safe for client components.

export const byokProviders = [
  { slug: "black-forest-labs", name: "Black Forest Labs", credential: "API key" },
  { slug: "fal", name: "fal.ai", credential: "API key" },
  { slug: "replicate", name: "Replicate", credential: "API token" },
  { slug: "openai", name: "OpenAI", credential: "API key" },
] as const;

export type ByokProvider = (typeof byokProviders)[number];
export type ByokProviderSlug = ByokProvider["slug"];

export const byokProviderSlugs = byokProviders.map((p) => p.slug) as [ByokProviderSlug, ...ByokProviderSlug[]];

export function byokProvider(slug: string): ByokProvider | undefined {
  return byokProviders.find((p) => p.slug === slug);
}
