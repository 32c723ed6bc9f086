"use client";

import { Search } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { Modality, ModelTask } from "@/lib/catalog/types";
import { cn } from "@/lib/utils/cn";
import { modalityLabels, taskLabels } from "./variant-labels";

const sortLabels = {
  featured: "Featured",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  name: "Name",
  newest: "Newest",
} as const;

/** URL parameter names, and the value each field shows when the parameter is absent. */
const fieldDefaults = { q: "", provider: "", modality: "", task: "", min: "", max: "", sort: "featured" };
const fieldNames = Object.keys(fieldDefaults) as (keyof typeof fieldDefaults)[];

const TYPING_DEBOUNCE_MS = 300;

function queryFromForm(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    const text = typeof value === "string" ? value.trim() : "";
    if (text && text !== fieldDefaults[name as keyof typeof fieldDefaults]) params.set(name, text);
  }
  return params.toString();
}

export type ProviderOption = { slug: string; name: string; variantCount: number };

/**
 * A plain GET form, so filtering works without JavaScript. With JavaScript it updates the URL as
 * the visitor types or picks, and the server page re-renders the results for the new URL.
 */
export function CatalogFilters({ providers }: { providers: ProviderOption[] }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [isPending, startTransition] = useTransition();

  const value = (name: keyof typeof fieldDefaults) => searchParams.get(name) ?? fieldDefaults[name];
  const hasFilters = fieldNames.some((name) => value(name) !== fieldDefaults[name]);

  function navigate() {
    timer.current = null;
    const form = formRef.current;
    if (!form) return;
    const query = queryFromForm(form);
    if (query === searchParams.toString()) return;
    startTransition(() => router.replace(query ? `/models?${query}` : "/models", { scroll: false }));
  }

  function schedule(delayMs: number) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(navigate, delayMs);
  }

  // The fields are uncontrolled so typing never waits on a render. When the URL changes from
  // elsewhere (a reset link, back/forward) the fields are brought in line with it, unless
  // an edit is still waiting to be applied, which would otherwise be thrown away.
  useEffect(() => {
    const form = formRef.current;
    if (!form || timer.current) return;
    for (const name of fieldNames) {
      const field = form.elements.namedItem(name);
      const next = searchParams.get(name) ?? fieldDefaults[name];
      // Compared trimmed so a space just typed between two words survives the round trip.
      if ((field instanceof HTMLInputElement || field instanceof HTMLSelectElement) && field.value.trim() !== next) {
        field.value = next;
      }
    }
  }, [searchParams]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (timer.current) clearTimeout(timer.current);
    navigate();
  }

  return (
    <form
      ref={formRef}
      action="/models"
      method="get"
      role="search"
      aria-label="Filter models"
      onSubmit={onSubmit}
      onChange={(event) => schedule(event.target instanceof HTMLSelectElement ? 0 : TYPING_DEBOUNCE_MS)}
      className="grid grid-cols-2 gap-x-3 gap-y-4 rounded-xl border bg-card p-4 lg:grid-cols-6"
    >
      <div className="col-span-2 grid gap-1.5 lg:col-span-4">
        <div className="flex items-baseline justify-between gap-3">
          <Label htmlFor="filter-q">Search models</Label>
          <span className="flex items-baseline gap-3 text-sm">
            <span role="status" className="text-xs text-muted-foreground">
              {isPending ? "Updating…" : ""}
            </span>
            {/* Hidden rather than removed, so nothing moves when the first filter applies. */}
            <Link
              href="/models"
              scroll={false}
              className={cn(
                "rounded-sm font-medium text-primary underline-offset-2 hover:underline",
                !hasFilters && "invisible",
              )}
            >
              Reset filters
            </Link>
          </span>
        </div>
        <div className="flex gap-2">
          <div className="relative min-w-0 flex-1">
            <Search
              aria-hidden
              className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={value("q")}
              placeholder="Name, family or slug"
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              className="pl-9"
            />
          </div>
          <Button type="submit">Apply filters</Button>
        </div>
      </div>

      <div className="col-span-2 grid gap-1.5 sm:col-span-1 lg:col-span-2">
        <Label htmlFor="filter-sort">Sort by</Label>
        <Select id="filter-sort" name="sort" defaultValue={value("sort")}>
          {Object.entries(sortLabels).map(([sort, label]) => (
            <option key={sort} value={sort}>
              {label}
            </option>
          ))}
        </Select>
      </div>

      <div className="col-span-2 grid gap-1.5 sm:col-span-1 lg:col-span-2">
        <Label htmlFor="filter-provider">Provider</Label>
        <Select id="filter-provider" name="provider" defaultValue={value("provider")}>
          <option value="">All providers</option>
          {providers.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name} ({p.variantCount})
            </option>
          ))}
        </Select>
      </div>

      <div className="grid gap-1.5">
        <Label htmlFor="filter-modality">Modality</Label>
        <Select id="filter-modality" name="modality" defaultValue={value("modality")}>
          <option value="">Any modality</option>
          {(Object.keys(modalityLabels) as Modality[]).map((m) => (
            <option key={m} value={m}>
              {modalityLabels[m]}
            </option>
          ))}
        </Select>
      </div>

      <div className="grid gap-1.5">
        <Label htmlFor="filter-task">Task</Label>
        <Select id="filter-task" name="task" defaultValue={value("task")}>
          <option value="">Any task</option>
          {(Object.keys(taskLabels) as ModelTask[]).map((t) => (
            <option key={t} value={t}>
              {taskLabels[t]}
            </option>
          ))}
        </Select>
      </div>

      <fieldset className="col-span-2 grid gap-1.5 lg:col-span-2">
        <legend className="mb-1.5 text-sm font-medium">Price per image (USD)</legend>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <Label htmlFor="filter-min" className="sr-only">
              Minimum price (USD)
            </Label>
            <Input
              id="filter-min"
              name="min"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              placeholder="Min $"
              defaultValue={value("min")}
            />
          </div>
          <div>
            <Label htmlFor="filter-max" className="sr-only">
              Maximum price (USD)
            </Label>
            <Input
              id="filter-max"
              name="max"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              placeholder="Max $"
              defaultValue={value("max")}
            />
          </div>
        </div>
      </fieldset>

    </form>
  );
}
