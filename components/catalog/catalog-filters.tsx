"use client";

import { Search } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useTransition, type FocusEvent, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import {
  catalogFilterFields,
  catalogFiltersQuery,
  parseCatalogFilters,
  type CatalogFacets,
  type CatalogFilterFields,
} from "@/lib/catalog/filters";
import { cn } from "@/lib/utils/cn";
import { modalityLabels, taskLabels } from "./variant-labels";

const sortLabels = {
  featured: "Featured",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  name: "Name",
  newest: "Newest",
} as const;

type FieldName = keyof CatalogFilterFields;
const fieldNames: FieldName[] = ["q", "provider", "modality", "task", "min", "max", "sort"];
const typedFields = new Set<string>(["q", "min", "max"]);

const TYPING_DEBOUNCE_MS = 300;

function toParams(entries: Iterable<[string, FormDataEntryValue | string]>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of entries) if (typeof value === "string" && !(name in params)) params[name] = value;
  return params;
}

/**
 * A plain GET form, so filtering works without JavaScript. With JavaScript it updates the URL as
 * the visitor types or picks, and the server page re-renders the results for the new URL.
 *
 * The form always shows the filters the results use: a URL with values the catalog cannot match
 * (an unknown modality, a price that is not one, a minimum above the maximum) is replaced by its
 * cleaned form on arrival, and every URL the form navigates to is already clean.
 *
 * History: a pick from a menu pushes an entry, so Back returns to the previous filter. Typing
 * replaces the entry its first pause pushed, so a settled search is one entry, not one per word.
 */
export function CatalogFilters({ facets }: { facets: CatalogFacets }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The typed field whose current burst of typing already pushed its history entry. */
  const typingIn = useRef<string | null>(null);
  /**
   * Queries this form navigated to that the URL has not reached yet, oldest first: they tell its own
   * URL changes from Back/Forward and links, and an earlier one may land before a later one.
   */
  const inFlight = useRef<string[]>([]);
  const [isPending, startTransition] = useTransition();

  const fields = catalogFilterFields(parseCatalogFilters(toParams(searchParams.entries()), facets));
  const hasFilters = fieldNames.some((name) => fields[name] !== catalogFilterFields({})[name]);

  function go(query: string, mode: "push" | "replace") {
    inFlight.current.push(query);
    const href = query ? `/models?${query}` : "/models";
    startTransition(() => (mode === "push" ? router.push(href, { scroll: false }) : router.replace(href, { scroll: false })));
  }

  function navigate(source: string | null) {
    timer.current = null;
    const form = formRef.current;
    if (!form) return;
    const query = catalogFiltersQuery(parseCatalogFilters(toParams(new FormData(form)), facets));
    if (query === searchParams.toString()) return;
    const isTyping = source !== null && typedFields.has(source);
    go(query, isTyping && typingIn.current === source ? "replace" : "push");
    typingIn.current = isTyping ? source : null;
  }

  function schedule(source: string, delayMs: number) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => navigate(source), delayMs);
  }

  function flush(source: string | null) {
    if (!timer.current) return;
    clearTimeout(timer.current);
    navigate(source);
  }

  // The fields are uncontrolled so typing never waits on a render. When the URL changes from
  // elsewhere (Back/Forward, a reset link) the fields follow it and a pending edit is dropped. When
  // the change is the form's own, the field being typed in is left alone (its text may still be
  // "0." on the way to "0.05"); it is brought in line when it loses focus.
  useEffect(() => {
    const current = searchParams.toString();
    const landed = inFlight.current.indexOf(current);
    const isOwn = landed !== -1;
    inFlight.current = isOwn ? inFlight.current.slice(landed + 1) : [];
    if (!isOwn) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      typingIn.current = null;
      const clean = catalogFiltersQuery(parseCatalogFilters(toParams(searchParams.entries()), facets));
      if (clean !== current) go(clean, "replace");
    }
    syncFields(formRef.current, fields, isOwn ? document.activeElement : null);
    // `fields` and `go` derive from searchParams and facets.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchParams, facets]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (timer.current) clearTimeout(timer.current);
    navigate(null);
  }

  function onFocusOut(event: FocusEvent<HTMLFormElement>) {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !typedFields.has(target.name)) return;
    const name = target.name;
    flush(name);
    typingIn.current = null;
    // With a navigation under way its URL brings the field in line (see the effect above).
    if (inFlight.current.length === 0) syncFields(formRef.current, fields, null, name);
  }

  return (
    <form
      ref={formRef}
      action="/models"
      method="get"
      role="search"
      aria-label="Filter models"
      onSubmit={onSubmit}
      onBlur={onFocusOut}
      onChange={(event) => {
        const target = event.target;
        if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) {
          schedule(target.name, target instanceof HTMLSelectElement ? 0 : TYPING_DEBOUNCE_MS);
        }
      }}
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
              defaultValue={fields.q}
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
        <Select id="filter-sort" name="sort" defaultValue={fields.sort}>
          {Object.entries(sortLabels).map(([sort, label]) => (
            <option key={sort} value={sort}>
              {label}
            </option>
          ))}
        </Select>
      </div>

      <div className="col-span-2 grid gap-1.5 sm:col-span-1 lg:col-span-2">
        <Label htmlFor="filter-provider">Provider</Label>
        <Select id="filter-provider" name="provider" defaultValue={fields.provider}>
          <option value="">All providers</option>
          {facets.providers.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name} ({p.variantCount})
            </option>
          ))}
        </Select>
      </div>

      <div className="grid gap-1.5">
        <Label htmlFor="filter-modality">Modality</Label>
        <Select id="filter-modality" name="modality" defaultValue={fields.modality}>
          <option value="">Any modality</option>
          {facets.modalities.map((m) => (
            <option key={m} value={m}>
              {modalityLabels[m]}
            </option>
          ))}
        </Select>
      </div>

      <div className="grid gap-1.5">
        <Label htmlFor="filter-task">Task</Label>
        <Select id="filter-task" name="task" defaultValue={fields.task}>
          <option value="">Any task</option>
          {facets.tasks.map((t) => (
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
              defaultValue={fields.min}
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
              defaultValue={fields.max}
            />
          </div>
        </div>
      </fieldset>

    </form>
  );
}

/** Sets each field (or only `only`) to the filters' value, except the element being typed in. */
function syncFields(form: HTMLFormElement | null, fields: CatalogFilterFields, skip: Element | null, only?: string) {
  if (!form) return;
  for (const name of fieldNames) {
    if (only !== undefined && name !== only) continue;
    const field = form.elements.namedItem(name);
    if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement) || field === skip) continue;
    // Compared trimmed so a space just typed between two words survives the round trip.
    if (field.value.trim() !== fields[name]) field.value = fields[name];
  }
}
