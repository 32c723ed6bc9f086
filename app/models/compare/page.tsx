import { Columns3, FlaskConical, Search } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { ComparePicker } from "@/components/catalog/compare-picker";
import { CompareSync } from "@/components/catalog/compare-sync";
import { CompareTable } from "@/components/catalog/compare-table";
import { buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { listVariants, resolveVariant } from "@/lib/catalog";
import { resolveCompareModels, type CompareColumn } from "@/lib/catalog/compare";
import { compareHref, maxCompare, parseModelsParam, playgroundHref } from "@/lib/catalog/compare-selection";
import { servingStatus } from "@/lib/catalog/serving";
import { readVariantStats } from "@/lib/stats";

export const metadata: Metadata = {
  title: "Compare models",
  description: "Image-generation models side by side: prices, parameters, speed and success rate over the last 7 days.",
  robots: { index: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function listed(names: string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}

export default async function ComparePage({ searchParams }: Props) {
  await connection();
  const query = await searchParams;
  const tokens = parseModelsParam(query.models);
  // The picker's no-JavaScript form sends the new model as `add`: fold it into the one URL shape.
  const added = parseModelsParam(query.add);
  if (added.length > 0) redirect(compareHref([...tokens, ...added]));

  const [{ variants, unknown, overflow }, catalog] = await Promise.all([
    resolveCompareModels(tokens, resolveVariant),
    listVariants({ sort: "name" }),
  ]);
  const slugs = variants.map((v) => v.slug);
  const [statuses, figures] = await Promise.all([servingStatus(variants), readVariantStats(slugs)]);
  const columns: CompareColumn[] = variants.map((variant) => ({
    variant,
    status: statuses.get(variant.slug) ?? variant.status,
    figures: figures.get(variant.slug) ?? null,
  }));
  const options = catalog.map((v) => ({ slug: v.slug, name: v.displayName, family: v.family.name }));

  const notices = [
    unknown.length > 0 &&
      `${listed(unknown)} ${unknown.length === 1 ? "is not a model" : "are not models"} in this catalog, so ${unknown.length === 1 ? "it was" : "they were"} left out.`,
    overflow.length > 0 && `Compare takes up to ${maxCompare} models, so ${listed(overflow)} ${overflow.length === 1 ? "was" : "were"} left out.`,
  ].filter((n): n is string => typeof n === "string");

  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-10 sm:px-6">
      <CompareSync items={variants.map((v) => ({ slug: v.slug, name: v.displayName }))} />
      <div className="max-w-2xl space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight">Compare models</h1>
        <p className="text-muted-foreground">
          Up to {maxCompare} models side by side: price, parameters and how they ran over the last 7 days. The cheapest price
          and the fastest median are marked; rows where all agree are dimmed.
        </p>
      </div>

      {notices.length > 0 && (
        <div role="status" data-testid="compare-notice" className="space-y-1 rounded-lg border bg-muted px-4 py-3 text-sm">
          {notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}

      {columns.length === 0 ? (
        <div className="flex flex-col items-center gap-4 rounded-xl border border-dashed px-6 py-14 text-center">
          <Columns3 aria-hidden className="size-8 text-muted-foreground" />
          <div className="space-y-1">
            <h2 className="text-lg font-semibold">Nothing to compare yet</h2>
            <p className="max-w-md text-sm text-muted-foreground">
              Pick models below, or press “Compare” on any model in the catalog and open the comparison from the bar at the
              bottom.
            </p>
          </div>
          <form action="/models" method="get" role="search" className="flex w-full max-w-md gap-2">
            <Label htmlFor="compare-search" className="sr-only">
              Search models
            </Label>
            <Input id="compare-search" name="q" type="search" placeholder="Search the catalog" className="flex-1" />
            <button type="submit" className={buttonVariants({ variant: "outline" })}>
              <Search aria-hidden />
              Search
            </button>
          </form>
          <div className="w-full max-w-md text-left">
            <ComparePicker key="" options={options} current={[]} />
          </div>
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-end justify-between gap-4">
            {columns.length < maxCompare ? (
              <ComparePicker key={slugs.join(",")} options={options} current={slugs} />
            ) : (
              <p className="text-sm text-muted-foreground">Compare takes up to {maxCompare} models: remove one to add another.</p>
            )}
            <Link href={playgroundHref(slugs)} className={buttonVariants()}>
              <FlaskConical aria-hidden />
              Try in playground
            </Link>
          </div>
          <CompareTable columns={columns} />
          <p className="text-xs text-muted-foreground">
            Figures cover the last 7 days across all accounts. Only the median (p50) latency is recorded per model, so no p95 is
            shown.
          </p>
        </>
      )}
    </div>
  );
}
