"use client";

import { Check, Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { addToCompare, removeFromCompare, useCompareSelection } from "./compare-store";

/**
 * Adds a variant to the compare selection or takes it out. It sits above a card's stretched link
 * (relative z-10) so pressing it does not open the model page. When the selection is full it says
 * so instead of adding, and the message stays until the selection changes or the button is pressed again.
 */
export function CompareToggle({ slug, name }: { slug: string; name: string }) {
  const selection = useCompareSelection();
  const selected = selection.some((item) => item.slug === slug);
  const [refusal, setRefusal] = useState<{ message: string; size: number } | null>(null);
  const message = refusal && refusal.size === selection.length && !selected ? refusal.message : null;

  function toggle() {
    if (selected) {
      removeFromCompare(slug);
      return;
    }
    const result = addToCompare({ slug, name });
    setRefusal(result.ok ? null : { message: result.message, size: selection.length });
  }

  return (
    <span className="relative z-10 inline-flex flex-wrap items-center gap-2">
      <Button
        variant="outline"
        size="sm"
        aria-pressed={selected}
        aria-label={selected ? `Added to compare: ${name}` : `Compare ${name}`}
        onClick={toggle}
      >
        {selected ? <Check aria-hidden /> : <Plus aria-hidden />}
        {selected ? "Added to compare" : "Compare"}
      </Button>
      <span role="status" className="text-xs text-muted-foreground">
        {message}
      </span>
    </span>
  );
}
