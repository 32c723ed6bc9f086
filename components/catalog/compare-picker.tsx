"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { compareHref } from "@/lib/catalog/compare-selection";

export type CompareOption = { slug: string; name: string; family: string };

/**
 * Adds a column. A plain GET form (the page folds `add` into `models`), so it works without
 * JavaScript; with it, the new URL is pushed so Back removes the column again.
 */
export function ComparePicker({ options, current }: { options: CompareOption[]; current: string[] }) {
  const router = useRouter();
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const available = options.filter((o) => !current.includes(o.slug));
  const families = [...new Set(available.map((o) => o.family))];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const slug = new FormData(event.currentTarget).get("add");
    if (typeof slug !== "string" || !slug) return;
    startTransition(() => router.push(compareHref([...current, slug]), { scroll: false }));
  }

  return (
    <form action="/models/compare" method="get" onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="models" value={current.join(",")} />
      <div className="grid min-w-0 flex-1 gap-1.5 sm:w-80 sm:flex-none">
        <Label htmlFor={id}>Add a model</Label>
        <Select id={id} name="add" defaultValue="" required>
          <option value="" disabled>
            Choose a model…
          </option>
          {families.map((family) => (
            <optgroup key={family} label={family}>
              {available
                .filter((o) => o.family === family)
                .map((o) => (
                  <option key={o.slug} value={o.slug}>
                    {o.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="outline" disabled={isPending}>
        <Plus aria-hidden />
        {isPending ? "Adding…" : "Add to comparison"}
      </Button>
    </form>
  );
}
