"use client";

import { X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button, buttonVariants } from "@/components/ui/button";
import { compareHref, maxCompare } from "@/lib/catalog/compare-selection";
import { clearCompare, removeFromCompare, useCompareSelection } from "./compare-store";

/**
 * The bar of selected models. It is sticky rather than fixed and sits at the end of the models
 * layout, so it rides the bottom of the viewport over the page but comes to rest above the footer
 * instead of covering its links. The compare page shows the selection itself, so the tray hides there.
 */
export function CompareTray() {
  const items = useCompareSelection();
  const pathname = usePathname();
  if (items.length === 0 || pathname === "/models/compare") return null;
  const count = items.length;

  return (
    <section
      aria-label="Compare selection"
      className="sticky bottom-0 z-30 mt-10 border-t bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/85"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-4 py-3 sm:px-6">
        <ul className="flex min-w-0 flex-1 flex-wrap items-center gap-2" aria-label="Selected models">
          {items.map((item) => (
            <li
              key={item.slug}
              className="inline-flex max-w-full items-center gap-1 rounded-full border bg-card py-0.5 pr-0.5 pl-3 text-sm"
            >
              <span className="truncate">{item.name}</span>
              <button
                type="button"
                onClick={() => removeFromCompare(item.slug)}
                aria-label={`Remove ${item.name} from compare`}
                className="inline-flex size-7 shrink-0 items-center justify-center rounded-full text-muted-foreground hover:bg-muted hover:text-foreground"
              >
                <X className="size-4" aria-hidden />
              </button>
            </li>
          ))}
          <li className="text-xs text-muted-foreground">
            {count} of {maxCompare}
          </li>
        </ul>
        <div className="flex items-center gap-2">
          <Button variant="ghost" size="sm" onClick={clearCompare}>
            Clear
          </Button>
          <Link href={compareHref(items.map((i) => i.slug))} className={buttonVariants({ size: "sm" })}>
            Compare {count} {count === 1 ? "model" : "models"}
          </Link>
        </div>
      </div>
    </section>
  );
}
