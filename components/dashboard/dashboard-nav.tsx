"use client";

import { BarChart3, KeyRound, LayoutDashboard, ListChecks, PlugZap, Settings, ShieldCheck, Wallet } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
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

/** Vertical on wide screens; a row that scrolls sideways on a phone. */
export function DashboardNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const links = isAdmin ? [...items, adminItem] : items;
  return (
    <nav aria-label="Dashboard">
      <ul className="-mx-4 flex gap-1 overflow-x-auto px-4 pb-1 sm:mx-0 sm:px-0 lg:flex-col lg:overflow-visible">
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
