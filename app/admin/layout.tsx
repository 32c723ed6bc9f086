import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { getAccountBalance, requireAdmin } from "@/lib/auth";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  const { availableMicros } = await getAccountBalance(admin);
  return (
    <DashboardShell user={admin} availableMicros={availableMicros}>
      {children}
    </DashboardShell>
  );
}
