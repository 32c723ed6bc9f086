import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { SessionUser } from "@/lib/auth/session";
import { formatUsd } from "@/lib/catalog/pricing";
import type { BalanceNotice } from "@/lib/payments/notices";
import { BalanceBanner } from "./balance-banner";
import { DashboardNav } from "./dashboard-nav";

export function DashboardShell({
  user,
  availableMicros,
  notices = [],
  children,
}: {
  user: SessionUser;
  availableMicros: number;
  notices?: BalanceNotice[];
  children: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10 lg:py-10">
      <aside aria-label="Account" className="mb-6 space-y-4 lg:mb-0">
        <div className="flex items-center justify-between gap-3 rounded-xl border bg-card p-4 lg:block lg:space-y-1">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium" title={user.email}>
              {user.name ?? user.email}
            </p>
            {user.name && <p className="truncate text-xs text-muted-foreground">{user.email}</p>}
          </div>
          <p className="text-right lg:pt-2 lg:text-left">
            <span className="block text-xs text-muted-foreground">Balance</span>
            <span className="text-lg font-semibold tabular-nums" data-testid="shell-balance">
              {formatUsd(availableMicros)}
            </span>
          </p>
        </div>
        <DashboardNav isAdmin={user.role === "admin"} />
        {/* On a phone the header's sign-out button is enough. */}
        <SignOutButton className="hidden lg:inline-flex" />
      </aside>
      <div className="min-w-0 space-y-8">
        <BalanceBanner notices={notices} />
        {children}
      </div>
    </div>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="text-muted-foreground">{description}</p>}
      </div>
      {actions}
    </div>
  );
}
