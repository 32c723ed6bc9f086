import "server-only";
import { connection } from "next/server";
import { cache } from "react";
import { resolveVariant } from "@/lib/catalog";

/** The path's slug as written: catch-all segments joined back with "/" (aliases such as `fal-ai/flux-2-pro`). */
export async function slugOf(params: Promise<{ slug: string[] }>): Promise<string> {
  return (await params).slug.join("/");
}

// The layout, the metadata and the page all need the variant; cache() makes that one query per request.
export const loadVariant = cache(async (slug: string) => {
  await connection();
  return resolveVariant(slug);
});
