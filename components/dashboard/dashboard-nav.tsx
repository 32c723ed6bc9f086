"use client";

import { BarChart3, KeyRound, LayoutDashboard, ListChecks, PlugZap, Settings, ShieldCheck, Wallet } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils/cn";

const items = [
  { href: "/dashboard", label: "Overview", icon: LayoutDashboard },
  { href: "/dashboard/tasks", label: "Tasks", icon: ListChecks },
  { href: "/dashboard/keys", label: "API keys", icon: KeyRound },
  { href: "/dashboard/providers", label: "Provider keys", icon: PlugZap },
  { href: "/dashboard/billing", label: "Billing", icon: Wallet },
  { href: "/dashboard/usage", label: "Usage", icon: BarChart3 },
  { href: "/dashboard/settings", label: "Settings", icon: Settings },
];

const adminItem = { href: "/admin", label: "Admin", icon: ShieldCheck };

/** Which ends of a sideways-scrolling row have more links beyond them. */
function useOverflowEnds(pathname: string) {
  const ref = useRef<HTMLUListElement>(null);
  const [ends, setEnds] = useState({ start: false, end: false });
  useEffect(() => {
    const row = ref.current;
    if (!row) return;
    const measure = () => {
      const scrollable = row.scrollWidth - row.clientWidth > 1 && getComputedStyle(row).flexDirection === "row";
      setEnds({
        start: scrollable && row.scrollLeft > 1,
        end: scrollable && row.scrollLeft < row.scrollWidth - row.clientWidth - 1,
      });
    };
    // A phone opens a page further along the row with its tab in view.
    row.querySelector<HTMLElement>("[aria-current=page]")?.scrollIntoView({ block: "nearest", inline: "center" });
    measure();
    row.addEventListener("scroll", measure, { passive: true });
    window.addEventListener("resize", measure);
    return () => {
      row.removeEventListener("scroll", measure);
      window.removeEventListener("resize", measure);
    };
  }, [pathname]);
  return { ref, ends };
}

const fade = "pointer-events-none absolute inset-y-0 w-10 from-background to-transparent transition-opacity lg:hidden";

/** Vertical on wide screens; on a phone a row that scrolls sideways, faded at an end with more links beyond it. */
export function DashboardNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const links = isAdmin ? [...items, adminItem] : items;
  const { ref, ends } = useOverflowEnds(pathname);
  return (
    <nav aria-label="Dashboard" className="relative">
      <div aria-hidden className={cn(fade, "-left-4 bg-gradient-to-r sm:left-0", ends.start ? "opacity-100" : "opacity-0")} />
      <div aria-hidden className={cn(fade, "-right-4 bg-gradient-to-l sm:right-0", ends.end ? "opacity-100" : "opacity-0")} />
      <ul ref={ref} className="-mx-4 flex gap-1 overflow-x-auto px-4 pb-1 sm:mx-0 sm:px-0 lg:flex-col lg:overflow-visible">
        {links.map(({ href, label, icon: Icon }) => {
          // Overview is current only on its own page; the others also on the pages below them.
          const isCurrent = href === "/dashboard" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href} className="shrink-0">
              <Link
                href={href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors hover:bg-muted",
                  isCurrent ? "bg-muted text-foreground" : "text-muted-foreground",
                )}
              >
                <Icon aria-hidden className="size-4" />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
