import Link from "next/link";
import type { ReactNode } from "react";
import { CatalogSearchForm } from "@/components/catalog/catalog-search-form";
import { listVariants } from "@/lib/catalog";
import { slugSearchWords, suggestionCandidates, suggestModels } from "@/lib/catalog/suggest";
import { loadVariant, slugOf } from "./load";

/** Long enough for any real model name; a longer path is shown cut. */
const SHOWN_SLUG_CHARS = 80;

/**
 * A slug that names no model: the page calls notFound() (so the answer is a real 404) and this
 * layout, which unlike not-found.tsx can read the params, wraps that answer with what the slug
 * most likely meant and a search box pre-filled with its words. Known slugs pass straight through.
 */
export default async function ModelSlugLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string[] }> }) {
  const slug = await slugOf(params);
  if (await loadVariant(slug)) return children;

  const suggestions = suggestModels(slug, suggestionCandidates(await listVariants()));
  const [best] = suggestions;
  const shown = slug.length > SHOWN_SLUG_CHARS ? `${slug.slice(0, SHOWN_SLUG_CHARS)}…` : slug;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-20 sm:px-6">
      <p className="font-mono text-sm text-muted-foreground">404</p>
      <h1 className="text-3xl font-semibold tracking-tight break-words">No model called “{shown}”</h1>
      {best && (
        <section aria-labelledby="suggestions-title" className="space-y-3">
          <h2 id="suggestions-title" className="text-lg font-medium">
            Did you mean{" "}
            <Link href={best.href} className="underline underline-offset-2">
              {best.name}
            </Link>
            ?
          </h2>
          {suggestions.length > 1 && (
            <ul className="space-y-1.5 text-sm" aria-label="Closest models">
              {suggestions.map((s) => (
                <li key={s.href}>
                  <Link href={s.href} className="font-medium underline underline-offset-2">
                    {s.name}
                  </Link>{" "}
                  <span className="text-muted-foreground">{s.kind === "family" ? "model family" : "variant"}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <CatalogSearchForm id="model-not-found-q" defaultValue={slugSearchWords(slug)} />
      {children}
    </div>
  );
}
