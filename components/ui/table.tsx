import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

// On a phone a stacked table shows each row as a block: its row header first, then each cell below
// the label its TableCell was given (data-label), with the column headers kept for screen readers.
const stackedOnPhone = [
  "max-sm:block max-sm:[&_tbody]:block max-sm:[&_tr]:block max-sm:[&_tr]:px-4 max-sm:[&_tr]:py-3",
  "max-sm:[&_thead]:sr-only max-sm:[&_tbody_th]:block max-sm:[&_tbody_th]:p-0 max-sm:[&_tbody_th]:pb-1",
  "max-sm:[&_td]:block max-sm:[&_td]:px-0 max-sm:[&_td]:py-1 max-sm:[&_td]:min-w-0 max-sm:[&_td]:text-left max-sm:[&_td]:whitespace-normal",
  "max-sm:[&_td]:before:block max-sm:[&_td]:before:text-xs max-sm:[&_td]:before:font-medium max-sm:[&_td]:before:text-muted-foreground max-sm:[&_td]:before:content-[attr(data-label)]",
].join(" ");

/**
 * A table in a horizontally scrollable region. The region is focusable and named so keyboard
 * users can scroll it on a narrow screen; `relative` keeps screen-reader-only text inside it from
 * widening the page. `stacked` turns rows into labelled blocks on a phone instead (give every
 * TableCell its `label`).
 */
export function Table({ label, stacked = false, className, ...props }: ComponentProps<"table"> & { label: string; stacked?: boolean }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative overflow-x-auto rounded-xl border bg-card">
      <table className={cn("w-full border-collapse text-left text-sm", stacked && stackedOnPhone, className)} {...props} />
    </div>
  );
}

export function TableHead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("bg-muted/60 text-xs text-muted-foreground", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("align-top", className)} {...props} />;
}

export function TableHeaderCell({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return <th scope={scope} className={cn("px-4 py-2.5 font-medium whitespace-nowrap", className)} {...props} />;
}

/** `label` names the cell's column where a stacked table shows it as a block. */
export function TableCell({ className, label, ...props }: ComponentProps<"td"> & { label?: string }) {
  return <td data-label={label} className={cn("px-4 py-3", className)} {...props} />;
}
