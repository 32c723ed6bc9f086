"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/** A header link that marks itself current on its page and on the pages below it. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const isPage = pathname === href;
  const isCurrent = isPage || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isPage ? "page" : isCurrent ? "true" : undefined}
      className={cn(
        "rounded-md px-1.5 py-2 text-sm font-medium whitespace-nowrap sm:px-3 transition-colors hover:bg-muted hover:text-foreground",
        isCurrent ? "text-foreground" : "text-muted-foreground",
      )}
    >
      {children}
    </Link>
  );
}
