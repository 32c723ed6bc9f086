import Link from "next/link";
import { collections } from "@/lib/catalog/collections";
import { cn } from "@/lib/utils/cn";

/** The collections as one row of links; on a phone the row scrolls sideways inside itself. */
export function CollectionLinks({ current }: { current?: string }) {
  return (
    <nav aria-label="Collections" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex w-max gap-2 py-1 sm:w-auto sm:flex-wrap">
        {collections.map((c) => (
          <li key={c.slug}>
            <Link
              href={`/models/collections/${c.slug}`}
              aria-current={c.slug === current ? "page" : undefined}
              className={cn(
                "inline-flex h-8 items-center rounded-full border px-3 text-sm font-medium whitespace-nowrap transition-colors hover:bg-muted",
                c.slug === current ? "border-primary bg-accent text-accent-foreground" : "bg-card text-foreground",
              )}
            >
              {c.title}
            </Link>
          </li>
        ))}
        <li>
          <Link
            href="/models/collections"
            className="inline-flex h-8 items-center rounded-sm px-2 text-sm font-medium whitespace-nowrap text-primary underline-offset-2 hover:underline"
          >
            All collections
          </Link>
        </li>
      </ul>
    </nav>
  );
}
