import { ArrowRight, Search } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

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
      <form action="/models" method="get" role="search" className="grid w-full gap-1.5">
        <Label htmlFor="not-found-q">Search the catalog</Label>
        <div className="flex gap-2">
          <div className="relative flex-1">
            <Search
              aria-hidden
              className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input id="not-found-q" name="q" type="search" placeholder="e.g. flux-2-flex" className="pl-9" />
          </div>
          <Button type="submit" variant="outline">
            Search
          </Button>
        </div>
      </form>
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
