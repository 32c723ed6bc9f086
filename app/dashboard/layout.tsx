import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { getAccountBalance, requireUser } from "@/lib/auth";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const { availableMicros } = await getAccountBalance(user);
  return (
    <DashboardShell user={user} availableMicros={availableMicros}>
      {children}
    </DashboardShell>
  );
}
