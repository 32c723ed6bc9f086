import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A search of the catalog that works without JavaScript: a GET form to /models. */
export function CatalogSearchForm({ id, defaultValue, placeholder }: { id: string; defaultValue?: string; placeholder?: string }) {
  return (
    <form action="/models" method="get" role="search" className="grid w-full gap-1.5">
      <Label htmlFor={id}>Search the catalog</Label>
      <div className="flex gap-2">
        <div className="relative flex-1">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input id={id} name="q" type="search" defaultValue={defaultValue} placeholder={placeholder} className="pl-9" />
        </div>
        <Button type="submit" variant="outline">
          Search
        </Button>
      </div>
    </form>
  );
}
