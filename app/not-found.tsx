import { ArrowRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CatalogSearchForm } from "@/components/catalog/catalog-search-form";
import { buttonVariants } from "@/components/ui/button";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-start gap-6 px-4 py-20 sm:px-6">
      <p className="font-mono text-sm text-muted-foreground">404</p>
      <div className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">Page not found</h1>
        <p className="text-muted-foreground">
          Nothing lives at this address. If you followed a link to a model, its name may be misspelled or the model
          may no longer be in the catalog.
        </p>
      </div>
      <CatalogSearchForm id="not-found-q" placeholder="e.g. flux-2-flex" />
      <div className="flex flex-wrap gap-3">
        <Link href="/models" className={buttonVariants()}>
          Browse all models
          <ArrowRight aria-hidden />
        </Link>
        <Link href="/" className={buttonVariants({ variant: "ghost" })}>
          Home
        </Link>
      </div>
    </div>
  );
}
