"use client";

import { ChevronsUpDown } from "lucide-react";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { taskLabels } from "@/components/catalog/variant-labels";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { formatUsd } from "@/lib/catalog/pricing";
import { cn } from "@/lib/utils/cn";
import { formatDuration } from "@/lib/utils/duration";
import type { PlaygroundVariant, VariantSpeeds } from "./types";

export function takesImages(variant: PlaygroundVariant): boolean {
  return variant.parameters.some((d) => d.type === "image_urls");
}

export function speedLabel(speeds: VariantSpeeds, slug: string): string {
  const speed = speeds[slug];
  return speed ? `~${formatDuration(speed.medianMs)}` : "no runs yet";
}

function matches(variant: PlaygroundVariant, words: string[]): boolean {
  const text = `${variant.displayName} ${variant.slug} ${taskLabels[variant.task]} ${variant.resolutionTier ?? ""}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

/** A searchable list of variants in a dialog: type to filter, arrow keys to move, Enter to pick. */
export function VariantPicker({
  paneNumber,
  value,
  variants,
  prices,
  speeds,
  isTest,
  error,
  onPick,
}: {
  paneNumber: number;
  value: string;
  variants: PlaygroundVariant[];
  prices: Record<string, number>;
  speeds: VariantSpeeds;
  isTest: boolean;
  error?: string;
  onPick: (slug: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const current = variants.find((v) => v.slug === value);
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return variants.filter((v) => matches(v, words));
  }, [variants, query]);
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));

  const pick = (slug: string) => {
    onPick(slug);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const delta = e.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + delta + shown.length) % Math.max(1, shown.length));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const chosen = shown[activeIndex];
      if (chosen) pick(chosen.slug);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setQuery("");
          setActive(Math.max(0, variants.findIndex((v) => v.slug === value)));
        }
      }}
    >
      <DialogTrigger
        aria-label={`Model for pane ${paneNumber}: ${current?.displayName ?? "none picked"}`}
        aria-invalid={error ? true : undefined}
        className={cn(buttonVariants({ variant: "outline" }), "w-full justify-between", error && "border-danger")}
      >
        <span className="truncate">{current?.displayName ?? "Pick a model"}</span>
        <ChevronsUpDown aria-hidden />
      </DialogTrigger>
      <DialogContent title={`Model for pane ${paneNumber}`} description="Type to filter; arrow keys move, Enter picks.">
        <Input
          role="combobox"
          aria-label="Filter models"
          aria-expanded
          aria-controls={listId}
          aria-activedescendant={shown[activeIndex] ? `${listId}-${shown[activeIndex].slug}` : undefined}
          placeholder="flux, edit, 2K…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          autoFocus
        />
        <ul id={listId} role="listbox" aria-label="Models" className="mt-3 max-h-[50dvh] space-y-1 overflow-y-auto">
          {shown.length === 0 && <li className="px-3 py-6 text-center text-sm text-muted-foreground">No model matches “{query}”.</li>}
          {shown.map((v, i) => (
            <li
              key={v.slug}
              id={`${listId}-${v.slug}`}
              role="option"
              aria-selected={i === activeIndex}
              onClick={() => pick(v.slug)}
              onMouseMove={() => setActive(i)}
              className={cn(
                "cursor-pointer space-y-1.5 rounded-lg border px-3 py-2",
                i === activeIndex ? "border-primary bg-accent" : "border-transparent",
              )}
            >
              <div className="flex items-baseline justify-between gap-3">
                <span className="font-medium">
                  {v.displayName}
                  {v.slug === value && <span className="sr-only"> (current)</span>}
                </span>
                <span className="text-sm tabular-nums">{isTest ? "free" : formatUsd(prices[v.slug] ?? 0)}</span>
              </div>
              <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
                <Badge tone="accent">{taskLabels[v.task]}</Badge>
                {v.resolutionTier && <Badge>{v.resolutionTier}</Badge>}
                {takesImages(v) && <Badge>takes images</Badge>}
                <span className="ml-auto tabular-nums">{speedLabel(speeds, v.slug)}</span>
              </div>
            </li>
          ))}
        </ul>
      </DialogContent>
    </Dialog>
  );
}
