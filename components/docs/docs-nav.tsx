"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

/** The docs' own table of contents: a column on wide screens, a wrapped row of links on phones. */
export function DocsNav({ links }: { links: { href: string; title: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Documentation" className="mb-8 lg:mb-0">
      <ul className="flex flex-wrap gap-1 lg:sticky lg:top-20 lg:flex-col">
        {links.map((link) => {
          const current = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-1.5 text-sm transition-colors hover:bg-muted hover:text-foreground",
                  current ? "bg-muted font-medium text-foreground" : "text-muted-foreground",
                )}
              >
                {link.title}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
