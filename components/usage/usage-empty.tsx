import { BarChart3 } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/** The usage page of an account that has not run any task yet. */
export function UsageEmpty() {
  return (
    <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed p-6 text-sm" data-testid="usage-empty">
      <BarChart3 aria-hidden className="size-5 text-muted-foreground" />
      <p className="font-medium">No usage yet</p>
      <p className="text-muted-foreground">
        Spend, tasks and latency show up here once this account runs its first task, from the API or the playground.
      </p>
      <div className="flex flex-wrap gap-2">
        <Link href="/playground" className={buttonVariants({ variant: "primary" })}>
          Open the playground
        </Link>
        <Link href="/dashboard/keys" className={buttonVariants({ variant: "outline" })}>
          Create an API key
        </Link>
      </div>
    </div>
  );
}
