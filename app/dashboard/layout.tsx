import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { getAccountBalance, requireUser } from "@/lib/auth";
import { cheapestJobMicros, getAutoRechargeSettings } from "@/lib/payments";
import { balanceNotices } from "@/lib/payments/notices";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [balance, settings, cheapest] = await Promise.all([
    getAccountBalance(user),
    getAutoRechargeSettings(user.accountId),
    cheapestJobMicros(),
  ]);
  return (
    <DashboardShell user={user} availableMicros={balance.availableMicros} notices={balanceNotices({ ...balance, ...settings, cheapestJobMicros: cheapest })}>
      {children}
    </DashboardShell>
  );
}
