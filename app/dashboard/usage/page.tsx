import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { SpendMeters } from "@/components/dashboard/spend-meter";
import { getAccountBalance, requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage() {
  const user = await requireUser();
  const { caps, spent } = await getAccountBalance(user);

  return (
    <>
      <PageHeader
        title="Usage"
        description="What this account has spent so far, including money set aside for jobs still running."
      />
      <div className="grid gap-4 md:grid-cols-2">
        <SpendMeters spent={spent} caps={caps} />
      </div>
      <div className="flex gap-3 rounded-xl border border-dashed p-5 text-sm">
        <BarChart3 aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
        <p className="text-muted-foreground">
          Per-request usage (charts by model, by key and by day) arrives together with image generation. Until then,
          this page shows the totals for today and this month, in UTC.
        </p>
      </div>
    </>
  );
}
